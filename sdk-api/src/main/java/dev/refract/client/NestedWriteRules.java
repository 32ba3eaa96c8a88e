package dev.refract.client;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Arity;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.NestedWrite;
import java.util.ArrayList;
import java.util.List;

/**
 * What a nested write may ask, checked over its whole tree before anything runs, and the
 * {@link RelationLink} of every relation field, worked out once per client.
 *
 * <p>Refused with {@link InvalidQueryException}: a relation to a model of another datasource (its
 * writes could not share a transaction); on a record being created, the writes that act on
 * related records that already exist (set, disconnect, update, updateMany, upsert, delete,
 * deleteMany); on a to-one relation, the writes of lists (createMany, set, updateMany, deleteMany)
 * and more than one record or filter; disconnecting (or setting) a relation whose foreign key is
 * required, and deleting the required target of the record's own foreign key; nested writes
 * inside createMany and updateMany.
 */
final class NestedWriteRules {

    private final SchemaMeta schema;
    /** Per model and field, the link of a relation field within one datasource; {@code null} elsewhere. */
    private final RelationLink[][] links;

    NestedWriteRules(SchemaMeta schema) {
        this.schema = schema;
        this.links = new RelationLink[schema.models().size()][];
        for (ModelMeta model : schema.models()) {
            links[model.index()] = new RelationLink[model.fieldCount()];
            for (RelationMeta relation : model.relations()) {
                if (relation.crossDatasource()) {
                    continue;
                }
                try {
                    links[model.index()][relation.field()] = RelationLink.of(schema, model.index(), relation.field());
                } catch (IllegalArgumentException e) {
                    // an implicit many-to-many side with a compound id, which the schema validator
                    // refuses; link() reports it if a write ever names it
                }
            }
        }
    }

    /** True when {@code operation} is a create, update or upsert whose data reaches related records. */
    static boolean applies(Operation operation) {
        if (operation instanceof Operation.Create create) {
            return create.data().hasNestedWrites();
        }
        if (operation instanceof Operation.Update update) {
            return update.data().hasNestedWrites();
        }
        return operation instanceof Operation.Upsert upsert
                && (upsert.create().hasNestedWrites() || upsert.update().hasNestedWrites());
    }

    /**
     * The link of relation field {@code field} of model {@code model}.
     *
     * @throws InvalidQueryException when the field is no relation field, or relates a model of
     *                               another datasource
     */
    RelationLink link(int model, int field) {
        ModelMeta parent = schema.model(model);
        RelationLink link = field >= 0 && field < links[model].length ? links[model][field] : null;
        if (link != null) {
            return link;
        }
        if (field < 0 || field >= parent.fieldCount() || !parent.field(field).isRelation()) {
            String name = field >= 0 && field < parent.fieldCount() ? parent.field(field).name() : "#" + field;
            throw new InvalidQueryException(parent.name(), List.of(name), "A nested write names " + parent.name()
                    + "." + name + ", which is not a relation field; write scalar fields with the record's own values");
        }
        RelationMeta relation = parent.relation(field);
        ModelMeta target = schema.model(relation.targetModel());
        String name = parent.name() + "." + parent.field(field).name();
        if (relation.crossDatasource()) {
            throw new InvalidQueryException(parent.name(), List.of(parent.field(field).name()), "The nested write"
                    + " through " + name + " reaches " + target.name() + " in datasource '"
                    + schema.datasource(target.datasource()).name() + "', while " + parent.name() + " lives in '"
                    + schema.datasource(parent.datasource()).name() + "': writes across datasources cannot share"
                    + " one transaction, so they are not atomic. Write each side on its own and coordinate them in"
                    + " a saga");
        }
        throw new InvalidQueryException(parent.name(), List.of(parent.field(field).name()), "The implicit"
                + " many-to-many relation " + name + " needs a single @id field on both sides; give "
                + target.name() + " and " + parent.name() + " one, or model the relation with an explicit join model");
    }

    /**
     * Checks every nested write of {@code operation}, at any depth.
     *
     * @throws InvalidQueryException naming the relation and the write that cannot run
     */
    void check(Operation operation) {
        if (operation instanceof Operation.Create create) {
            data(create.model(), create.data(), true);
        } else if (operation instanceof Operation.Update update) {
            data(update.model(), update.data(), false);
        } else if (operation instanceof Operation.Upsert upsert) {
            data(upsert.model(), upsert.create(), true);
            data(upsert.model(), upsert.update(), false);
        }
    }

    private void data(int model, WriteData data, boolean creating) {
        for (WriteData.RelationWrite relation : data.relations()) {
            RelationLink link = link(model, relation.field());
            for (NestedWrite write : relation.writes()) {
                write(link, write, creating);
            }
        }
    }

    private void write(RelationLink link, NestedWrite write, boolean creating) {
        String name = name(write);
        boolean relatesNew = write instanceof NestedWrite.Create || write instanceof NestedWrite.CreateMany
                || write instanceof NestedWrite.Connect || write instanceof NestedWrite.ConnectOrCreate;
        if (creating && !relatesNew) {
            throw invalid(link, name + " through " + relation(link) + " acts on records already related, and a "
                    + link.parent().name() + " being created has none: relate records to it with create, createMany,"
                    + " connect or connectOrCreate");
        }
        if (!link.toMany()) {
            toOne(link, write, name);
        }
        boolean disconnects = write instanceof NestedWrite.Disconnect || write instanceof NestedWrite.Set;
        if (disconnects && required(link)) {
            throw requiredRelation(link, name);
        }
        if (write instanceof NestedWrite.Delete && link.shape() == RelationLink.Shape.FOREIGN_KEY_HERE
                && required(link)) {
            throw invalid(link, "delete cannot remove the " + link.target().name() + " of " + relation(link)
                    + ": the relation is required (" + foreignKey(link) + "), so the " + link.parent().name()
                    + " cannot be left without one. Delete the " + link.parent().name() + " itself, or connect"
                    + " it to another " + link.target().name() + " first");
        }
        int target = link.target().index();
        if (write instanceof NestedWrite.Create create) {
            for (WriteData data : create.data()) {
                data(target, data, true);
            }
        } else if (write instanceof NestedWrite.CreateMany many) {
            for (WriteData data : many.data()) {
                flat(link, data, name);
            }
        } else if (write instanceof NestedWrite.ConnectOrCreate connectOrCreate) {
            data(target, connectOrCreate.create(), true);
        } else if (write instanceof NestedWrite.Update update) {
            data(target, update.data(), false);
        } else if (write instanceof NestedWrite.UpdateMany many) {
            flat(link, many.data(), name);
        } else if (write instanceof NestedWrite.Upsert upsert) {
            data(target, upsert.create(), true);
            data(target, upsert.update(), false);
        }
    }

    private static void toOne(RelationLink link, NestedWrite write, String name) {
        if (write instanceof NestedWrite.CreateMany || write instanceof NestedWrite.Set
                || write instanceof NestedWrite.UpdateMany || write instanceof NestedWrite.DeleteMany) {
            throw invalid(link, name + " applies to to-many relations, and " + relation(link) + " relates one "
                    + link.target().name() + ": use create, connect, connectOrCreate, update, upsert, disconnect"
                    + " or delete");
        }
        int count = -1;
        if (write instanceof NestedWrite.Create create) {
            count = create.data().size();
        } else if (write instanceof NestedWrite.Connect connect) {
            count = connect.where().size();
        } else if (write instanceof NestedWrite.Disconnect disconnect) {
            count = disconnect.where().size();
        } else if (write instanceof NestedWrite.Delete delete) {
            count = delete.where().size();
        }
        if (count != -1 && count != 1) {
            throw invalid(link, name + " on the to-one relation " + relation(link) + " takes exactly one "
                    + (write instanceof NestedWrite.Create ? "record" : "filter") + ", not " + count);
        }
    }

    private static void flat(RelationLink link, WriteData data, String name) {
        if (data.hasNestedWrites()) {
            throw invalid(link, name + " through " + relation(link) + " writes " + link.target().name()
                    + " records in one statement, which cannot reach their relations: use create or update for"
                    + " records with nested writes");
        }
    }

    /** True when the record holding the foreign key cannot be without the relation. */
    static boolean required(RelationLink link) {
        return switch (link.shape()) {
            case FOREIGN_KEY_HERE -> link.parent().field(link.relation().field()).arity() == Arity.REQUIRED;
            case FOREIGN_KEY_THERE -> link.target().field(link.relation().oppositeField()).arity() == Arity.REQUIRED;
            case JOIN_TABLE -> false;
        };
    }

    /**
     * The error of a write that would leave a record without a required relation: Prisma's
     * "violates the required relation".
     */
    static InvalidQueryException requiredRelation(RelationLink link, String name) {
        boolean here = link.shape() == RelationLink.Shape.FOREIGN_KEY_HERE;
        ModelMeta holder = here ? link.parent() : link.target();
        ModelMeta other = here ? link.target() : link.parent();
        return invalid(link, name + " through " + relation(link) + " would leave a " + holder.name() + " without its "
                + other.name() + ", and the relation is required (" + holder.name() + "." + foreignKey(link)
                + " cannot be null): connect the " + holder.name() + " to another " + other.name()
                + " or delete it instead");
    }

    static InvalidQueryException invalid(RelationLink link, String message) {
        return new InvalidQueryException(link.parent().name(),
                List.of(link.parent().field(link.relation().field()).name()), message);
    }

    /** {@code Model.field} of the relation, as the user wrote it. */
    static String relation(RelationLink link) {
        return link.parent().name() + "." + link.parent().field(link.relation().field()).name();
    }

    /** The foreign-key fields of the relation, by name, on whichever side holds them. */
    private static String foreignKey(RelationLink link) {
        boolean here = link.shape() == RelationLink.Shape.FOREIGN_KEY_HERE;
        ModelMeta holder = here ? link.parent() : link.target();
        List<String> names = new ArrayList<>();
        for (int field : here ? link.parentKey() : link.targetKey()) {
            FieldMeta meta = holder.field(field);
            names.add(meta.name());
        }
        return String.join(", ", names);
    }

    /** The name of a nested write as the builders spell it. */
    static String name(NestedWrite write) {
        if (write instanceof NestedWrite.Create) {
            return "create";
        } else if (write instanceof NestedWrite.CreateMany) {
            return "createMany";
        } else if (write instanceof NestedWrite.Connect) {
            return "connect";
        } else if (write instanceof NestedWrite.ConnectOrCreate) {
            return "connectOrCreate";
        } else if (write instanceof NestedWrite.Set) {
            return "set";
        } else if (write instanceof NestedWrite.Disconnect) {
            return "disconnect";
        } else if (write instanceof NestedWrite.Update) {
            return "update";
        } else if (write instanceof NestedWrite.UpdateMany) {
            return "updateMany";
        } else if (write instanceof NestedWrite.Upsert) {
            return "upsert";
        } else if (write instanceof NestedWrite.Delete) {
            return "delete";
        }
        return "deleteMany";
    }
}

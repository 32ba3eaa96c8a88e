package dev.refract.r2dbc.relations.client;

import com.example.relations.db.CategoryCreate;
import com.example.relations.db.CommentCreate;
import com.example.relations.db.ItemCreate;
import com.example.relations.db.PostCategoryCreate;
import com.example.relations.db.PostCreate;
import com.example.relations.db.ProfileCreate;
import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.ShelfCreate;
import com.example.relations.db.TagCreate;
import com.example.relations.db.UserCreate;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The relations schema pushed into a test namespace and a small publishing house written into it
 * through the generated client; the rows of the implicit join tables are inserted in SQL.
 *
 * <p>The data, by id:
 * <pre>
 * users       1 ann (no manager, profile 1 "boss"), 2 bob (manager ann, profile 2 "writer"),
 *             3 cat (manager ann), 4 dan (manager bob), 5 eve (no manager)
 * posts       10 "Java tips" published, 100 views, by ann, edited by bob   tags java, jvm    category tech
 *             11 "Kotlin"    draft,      50 views, by ann, no editor        tags jvm
 *             12 "Rust"      published,  70 views, by bob, edited by ann    tags systems      news, tech
 *             13 "Go"        published,  10 views, by cat, no editor        no tags           news
 *             14 "Zig"       draft,       0 views, by cat, edited by cat    tags systems      tech
 *             15 "Nim"       published,  30 views, by dan, no editor        no tags
 * comments    100 "nice" 5 likes on 10 by bob; 101 "meh" 0 likes on 10 by cat, a reply to 100;
 *             102 "great" 3 likes on 12 by ann; 103 "hmm" 1 like on 13 by cat; 104 "ok" 2 likes on 15 by eve
 * tags        1 java, 2 jvm, 3 systems, 4 unused
 * categories  1 news, 2 tech, 3 empty
 * follows     bob and cat follow ann, cat follows bob, ann follows eve
 * shelves     (A, 1) top, (A, 2) bottom, (B, 1) top, (C, 9) empty
 * items       1 i1 and 2 i2 on (A, 1), 3 i3 on (B, 1), 4 i4 on no shelf, 5 i5 on (A, 2)
 * </pre>
 * Records a test creates get ids from 1000 on.
 */
final class PublishingHouse {

    static final Duration WAIT = Duration.ofSeconds(10);

    private PublishingHouse() {
    }

    /** Creates the tables in {@code postgres}, fills them with the data above and returns a client on them. */
    static RefractClient open(PostgresNamespace postgres) throws SQLException {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofSeconds(30));
        RefractClient db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
        fill(db);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            // A holds the post, B the tag: Post sorts before Tag
            statement.execute("INSERT INTO \"_PostToTag\" (\"A\", \"B\") VALUES (10, 1), (10, 2), (11, 2), (12, 3),"
                    + " (14, 3)");
            // followedBy sorts before following, so A is the one followed and B the follower
            statement.execute("INSERT INTO \"_Follows\" (\"A\", \"B\") VALUES (1, 2), (1, 3), (2, 3), (5, 1)");
            for (String table : List.of("User", "Profile", "Post", "Comment", "Tag", "Category", "Item")) {
                statement.execute("ALTER TABLE \"" + table + "\" ALTER COLUMN \"id\" RESTART WITH 1000");
            }
        }
        return db;
    }

    private static void fill(RefractClient db) {
        db.user().createMany(List.of(user(1, "ann", null), user(5, "eve", null))).block(WAIT);
        db.user().createMany(List.of(user(2, "bob", 1), user(3, "cat", 1))).block(WAIT);
        db.user().create(c -> c.id(4).email("dan@x").name("dan").managerId(2)).block(WAIT);
        db.profile().createMany(List.of(new ProfileCreate().id(1).bio("boss").userId(1),
                new ProfileCreate().id(2).bio("writer").userId(2))).block(WAIT);
        db.post().createMany(List.of(post(10, "Java tips", true, 100, 1, 2), post(11, "Kotlin", false, 50, 1, null),
                post(12, "Rust", true, 70, 2, 1), post(13, "Go", true, 10, 3, null), post(14, "Zig", false, 0, 3, 3),
                post(15, "Nim", true, 30, 4, null))).block(WAIT);
        db.comment().createMany(List.of(comment(100, "nice", 5, 10, 2, null), comment(102, "great", 3, 12, 1, null),
                comment(103, "hmm", 1, 13, 3, null), comment(104, "ok", 2, 15, 5, null))).block(WAIT);
        db.comment().create(c -> c.id(101).body("meh").likes(0).postId(10).authorId(3).parentId(100)).block(WAIT);
        db.tag().createMany(List.of(new TagCreate().id(1).name("java"), new TagCreate().id(2).name("jvm"),
                new TagCreate().id(3).name("systems"), new TagCreate().id(4).name("unused"))).block(WAIT);
        db.category().createMany(List.of(new CategoryCreate().id(1).name("news"), new CategoryCreate().id(2).name("tech"),
                new CategoryCreate().id(3).name("empty"))).block(WAIT);
        db.postCategory().createMany(List.of(filed(10, 2), filed(12, 1), filed(12, 2), filed(13, 1), filed(14, 2)))
                .block(WAIT);
        db.shelf().createMany(List.of(new ShelfCreate().aisle("A").number_(1).label("top"),
                new ShelfCreate().aisle("A").number_(2).label("bottom"), new ShelfCreate().aisle("B").number_(1).label("top"),
                new ShelfCreate().aisle("C").number_(9).label("empty"))).block(WAIT);
        db.item().createMany(List.of(item(1, "i1", "A", 1), item(2, "i2", "A", 1), item(3, "i3", "B", 1),
                item(4, "i4", null, null), item(5, "i5", "A", 2))).block(WAIT);
    }

    private static UserCreate user(int id, String name, Integer managerId) {
        return new UserCreate().id(id).email(name + "@x").name(name).managerId(managerId);
    }

    private static PostCreate post(int id, String title, boolean published, int views, int authorId, Integer editorId) {
        return new PostCreate().id(id).title(title).published(published).views(views).authorId(authorId)
                .editorId(editorId);
    }

    private static CommentCreate comment(int id, String body, int likes, int postId, int authorId, Integer parentId) {
        return new CommentCreate().id(id).body(body).likes(likes).postId(postId).authorId(authorId).parentId(parentId);
    }

    private static PostCategoryCreate filed(int postId, int categoryId) {
        return new PostCategoryCreate().postId(postId).categoryId(categoryId);
    }

    private static ItemCreate item(int id, String sku, String aisle, Integer number) {
        return new ItemCreate().id(id).sku(sku).shelfAisle(aisle).shelfNumber(number);
    }
}

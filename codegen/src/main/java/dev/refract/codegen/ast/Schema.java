package dev.refract.codegen.ast;

import dev.refract.codegen.source.SourceFile;
import java.util.List;

/**
 * A parsed schema file: its top-level items in source order.
 *
 * @param file  the source it was parsed from
 * @param items blocks, comment lines and blank lines, in order
 */
public record Schema(SourceFile file, List<TopLevelItem> items) {

    public Schema {
        items = List.copyOf(items);
    }

    /** The blocks, in source order, without comments and blank lines. */
    public List<Block> blocks() {
        return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
    }

    /** The datasource blocks, in source order. */
    public List<ConfigBlock> datasources() {
        return items.stream().filter(ConfigBlock.class::isInstance).map(ConfigBlock.class::cast)
                .filter(block -> block.kind() == ConfigBlock.Kind.DATASOURCE).toList();
    }

    /** The generator blocks, in source order. */
    public List<ConfigBlock> generators() {
        return items.stream().filter(ConfigBlock.class::isInstance).map(ConfigBlock.class::cast)
                .filter(block -> block.kind() == ConfigBlock.Kind.GENERATOR).toList();
    }

    /** The model blocks, in source order. */
    public List<ModelBlock> models() {
        return items.stream().filter(ModelBlock.class::isInstance).map(ModelBlock.class::cast).toList();
    }

    /** The enum blocks, in source order. */
    public List<EnumBlock> enums() {
        return items.stream().filter(EnumBlock.class::isInstance).map(EnumBlock.class::cast).toList();
    }
}

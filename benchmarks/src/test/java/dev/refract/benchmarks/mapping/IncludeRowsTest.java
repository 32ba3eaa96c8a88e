package dev.refract.benchmarks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.User;
import com.example.relations.db.UserMapper;
import dev.refract.meta.ModelMeta;
import dev.refract.spi.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The include-mapping benchmark compares like with like only if both mappings read the same rows
 * into the same records, and the rows are laid out as the relation loader lays them out.
 */
class IncludeRowsTest {
    private final Row user = IncludeRows.user();

    private static ModelMeta model(String name) {
        return RefractClientMetadata.SCHEMA.models().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void rowsHoldTenPostsOfTenCommentsEachTaggedWithItsParentsKey() {
        ModelMeta userModel = model("User");
        ModelMeta post = model("Post");
        ModelMeta comment = model("Comment");
        assertThat(user.size()).isEqualTo(userModel.fieldCount());
        List<Row> posts = user.getRows(4);
        assertThat(posts).hasSize(IncludeRows.FAN_OUT);
        for (Row postRow : posts) {
            assertThat(postRow.size()).isEqualTo(post.fieldCount() + 2);
            assertThat(postRow.getCounts(post.fieldCount())).isNull();
            assertThat(postRow.get(post.fieldCount() + 1)).isEqualTo(user.get(0)).isEqualTo(postRow.get(5));
            List<Row> comments = postRow.getRows(8);
            assertThat(comments).hasSize(IncludeRows.FAN_OUT);
            for (Row commentRow : comments) {
                assertThat(commentRow.size()).isEqualTo(comment.fieldCount() + 2);
                assertThat(commentRow.get(comment.fieldCount() + 1)).isEqualTo(postRow.get(0))
                        .isEqualTo(commentRow.get(4));
            }
        }
    }

    @Test
    void generatedAndHandWrittenMappingsProduceTheSameRecords() {
        assertThat(IncludeRows.mapByHand(user)).isEqualTo(UserMapper.map(user));
    }

    @Test
    void generatedMapperLoadsPostsAndCommentsAndNothingElse() {
        User mapped = UserMapper.map(user);

        assertThat(mapped.email()).isEqualTo("ada@example.com");
        assertThat(mapped.profile().isLoaded()).isFalse();
        assertThat(mapped.edited().isLoaded()).isFalse();
        List<Post> posts = mapped.posts().get();
        assertThat(posts).hasSize(10).extracting(Post::title).startsWith("Post 0", "Post 1");
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.author().isLoaded()).isFalse();
            assertThat(post.tags().isLoaded()).isFalse();
            assertThat(post.comments().get()).hasSize(10).allSatisfy(comment -> {
                assertThat(comment.postId()).isEqualTo(post.id());
                assertThat(comment.replies().isLoaded()).isFalse();
            });
        });
        Comment last = posts.get(9).comments().get().get(9);
        assertThat(last.id()).isEqualTo(1_099);
        assertThat(last.parentId()).isEqualTo(1_098);
        assertThat(last.body()).isEqualTo("Comment 9 on post 9");
    }
}

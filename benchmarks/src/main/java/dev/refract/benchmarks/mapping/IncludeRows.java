package dev.refract.benchmarks.mapping;

import com.example.relations.db.Comment;
import com.example.relations.db.Post;
import com.example.relations.db.User;
import dev.refract.relation.Relation;
import dev.refract.spi.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of reading one {@code User} of the relations test schema with
 * {@code include(i -> i.posts(p -> p.include(c -> c.comments())))}, as the adapter SPI carries it
 * once the relation loader has put the related rows in place, and the hand-written mapping the
 * generated mapper is measured against.
 *
 * <p>The user row has the model's thirteen positions, with the {@code posts} rows (a
 * {@code List<Row>}) at position 4 and every other relation not included ({@code null}). Each post
 * and comment row is as {@code FindRelated} returns it: the model's fields, then the
 * relation-count position ({@code null}: nothing counted), then the parent's link key (the
 * author's id for a post, the post's id for a comment). Each post holds its comments at position
 * 8. Every scalar column is filled, the optional ones included.
 */
public final class IncludeRows {

    /** Posts per user and comments per post in {@link #user()}. */
    public static final int FAN_OUT = 10;

    private static final Instant CREATED = Instant.parse("2026-11-21T08:00:00.125Z");

    private IncludeRows() {
    }

    /** One user with {@value #FAN_OUT} posts, each with {@value #FAN_OUT} comments. */
    public static Row user() {
        int userId = 7;
        List<Row> posts = new ArrayList<>(FAN_OUT);
        for (int p = 0; p < FAN_OUT; p++) {
            int postId = 100 + p;
            List<Row> comments = new ArrayList<>(FAN_OUT);
            for (int c = 0; c < FAN_OUT; c++) {
                int commentId = 1_000 + p * FAN_OUT + c;
                comments.add(Row.of(commentId, "Comment " + c + " on post " + p, c, null, postId, null, 8 + c % 3,
                        null, c == 0 ? null : commentId - 1, null, CREATED.plusSeconds(commentId),
                        null, postId));
            }
            posts.add(Row.of(postId, "Post " + p, p % 2 == 0, 10 * p, null, userId, null, 9, List.copyOf(comments),
                    null, null, CREATED.plusSeconds(postId),
                    null, userId));
        }
        return Row.of(userId, "ada@example.com", "Ada", null, List.copyOf(posts), null, null, null, 3, null, null,
                null, CREATED);
    }

    /**
     * The rows mapped by hand, as a user without a generator would write it knowing which relations
     * the query included: a constructor call with a cast per position, a loop per included list,
     * every other relation known not to be loaded.
     */
    public static User mapByHand(Row row) {
        List<Row> postRows = row.getRows(4);
        List<Post> posts = new ArrayList<>(postRows.size());
        for (Row postRow : postRows) {
            posts.add(post(postRow));
        }
        return new User(
                (Integer) row.get(0),
                (String) row.get(1),
                (String) row.get(2),
                Relation.notLoaded("User", "profile"),
                Relation.loaded(posts),
                Relation.notLoaded("User", "edited"),
                Relation.notLoaded("User", "comments"),
                Relation.notLoaded("User", "manager"),
                (Integer) row.get(8),
                Relation.notLoaded("User", "reports"),
                Relation.notLoaded("User", "following"),
                Relation.notLoaded("User", "followedBy"),
                (Instant) row.get(12),
                null);
    }

    private static Post post(Row row) {
        List<Row> commentRows = row.getRows(8);
        List<Comment> comments = new ArrayList<>(commentRows.size());
        for (Row commentRow : commentRows) {
            comments.add(comment(commentRow));
        }
        return new Post(
                (Integer) row.get(0),
                (String) row.get(1),
                (Boolean) row.get(2),
                (Integer) row.get(3),
                Relation.notLoaded("Post", "author"),
                (Integer) row.get(5),
                Relation.notLoaded("Post", "editor"),
                (Integer) row.get(7),
                Relation.loaded(comments),
                Relation.notLoaded("Post", "tags"),
                Relation.notLoaded("Post", "categories"),
                (Instant) row.get(11),
                null);
    }

    private static Comment comment(Row row) {
        return new Comment(
                (Integer) row.get(0),
                (String) row.get(1),
                (Integer) row.get(2),
                Relation.notLoaded("Comment", "post"),
                (Integer) row.get(4),
                Relation.notLoaded("Comment", "author"),
                (Integer) row.get(6),
                Relation.notLoaded("Comment", "parent"),
                (Integer) row.get(8),
                Relation.notLoaded("Comment", "replies"),
                (Instant) row.get(10),
                null);
    }
}

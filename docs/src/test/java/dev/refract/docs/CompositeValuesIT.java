package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.db.Address;
import com.example.shop.db.Customer;
import com.example.shop.db.LineStatus;
import com.example.shop.db.Order;
import com.example.shop.db.OrderLine;
import com.example.shop.db.RefractClient;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The samples of conditions on composite values (embedded documents), run against MongoDB. */
@RefractTestDatabases
class CompositeValuesIT {

    private static RefractClient db;

    @BeforeAll
    static void open(MongoNamespace mongo) {
        db = RefractClient.builder().datasource("docs", mongo.mongoUrl()).build();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void conditionsReachIntoEmbeddedDocuments() {
        Address mainStreet = new Address("Main St 1", "Berlin", "10115");
        Address hamburg = new Address("Hafenstr. 2", "Hamburg", null);
        Order bulkToBerlin = db.order().create(c -> c.shippingAddress(mainStreet).billingAddress(hamburg)
                .lines(List.of(new OrderLine("A-1", 12, LineStatus.OPEN)))).block();
        Order toHamburg = db.order().create(c -> c.shippingAddress(hamburg)
                .lines(List.of(new OrderLine("A-1", 20, LineStatus.BACKORDERED)))).block();

        // tag::compositeFilters[]
        // Orders shipped to Berlin, to an address with a postal code, billed to an address at all.
        Flux<Order> berlin = db.order().findMany(q -> q.where(w -> w
                .shippingAddress().is(a -> a.city().eq("Berlin").zip().isNotNull())
                .billingAddress().isSet(true)));

        // Orders with a line of more than ten items and no line on back order.
        Flux<Order> bulk = db.order().findMany(q -> q.where(w -> w
                .lines().some(l -> l.quantity().gt(10))
                .lines().none(l -> l.status().eq(LineStatus.BACKORDERED))));

        // The whole value, field by field; a required field of the type cannot be null here.
        Flux<Order> exact = db.order().findMany(q -> q.where(w -> w
                .shippingAddress().equals(new Address("Main St 1", "Berlin", "10115"))));

        // Conditions on embedded values group and nest like any other.
        Flux<Order> either = db.order().findMany(q -> q.where(w -> w
                .shippingAddress().is(a -> a.or(x -> x.city().eq("Berlin"), x -> x.city().eq("Hamburg")))));
        // end::compositeFilters[]

        assertThat(berlin.collectList().block()).extracting(Order::id).containsExactly(bulkToBerlin.id());
        assertThat(bulk.collectList().block()).extracting(Order::id).containsExactly(bulkToBerlin.id());
        assertThat(exact.collectList().block()).extracting(Order::id).containsExactly(bulkToBerlin.id());
        assertThat(either.collectList().block()).extracting(Order::id)
                .containsExactlyInAnyOrder(bulkToBerlin.id(), toHamburg.id());
    }

    @Test
    void aCompositeFieldIsFilteredByItsOwnFields() {
        Customer inBerlin = db.customer().create(c -> c.address(new Address("Main St 1", "Berlin", "10115"))).block();
        db.customer().create(c -> c.address(new Address("Main St 2", "Berlin", null))).block();

        // tag::customerFilter[]
        Flux<Customer> berliners = db.customer().findMany(q -> q.where(w -> w
                .address().is(a -> a.city().eq("Berlin").zip().isNotNull())));
        // end::customerFilter[]

        assertThat(berliners.collectList().block()).extracting(Customer::id).containsExactly(inBerlin.id());
    }
}

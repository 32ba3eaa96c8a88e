package dev.refract.test.isolation;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JUnit extension behind {@link RefractTestDatabases}: resolves namespace parameters, one
 * namespace per kind and test class, kept in the class's extension store so that JUnit closes
 * (drops) it when the class is done. Use the annotation, or {@code @ExtendWith} with this class.
 */
public final class TestDatabasesExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(TestDatabasesExtension.class);

    private static final Set<Class<? extends TestNamespace>> SUPPORTED = Set.of(
            PostgresNamespace.class, MysqlNamespace.class, RedisNamespace.class, MongoNamespace.class);

    /** Creates the extension; JUnit does this for {@link RefractTestDatabases}. */
    public TestDatabasesExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext classContext = classLevel(context);
        String label = label(classContext.getRequiredTestClass());
        return classContext.getStore(STORE).computeIfAbsent(type, kind -> create(kind, label), TestNamespace.class);
    }

    private static TestNamespace create(Class<?> type, String label) {
        if (type == PostgresNamespace.class) {
            return PostgresNamespace.create(label);
        }
        if (type == MysqlNamespace.class) {
            return MysqlNamespace.create(label);
        }
        if (type == RedisNamespace.class) {
            return RedisNamespace.create(label);
        }
        if (type == MongoNamespace.class) {
            return MongoNamespace.create(label);
        }
        throw new IllegalArgumentException(type.getName() + " is not a namespace type; use one of "
                + SUPPORTED.stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", ")));
    }

    /**
     * The context of the outermost test class, whose store lives as long as the class runs. A
     * {@code @Nested} class belongs to it, so it shares the namespaces instead of creating more;
     * stores are looked up through their parents, so anything else would mix the two.
     */
    private static ExtensionContext classLevel(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** The simple name, with the enclosing class for a static member class ({@code OuterIT_Member}). */
    private static String label(Class<?> testClass) {
        String name = testClass.getName();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return simple.replace('$', '_');
    }
}

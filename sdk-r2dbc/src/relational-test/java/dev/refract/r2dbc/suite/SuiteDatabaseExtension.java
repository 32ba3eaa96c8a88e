package dev.refract.r2dbc.suite;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link RelationalSuite}: resolves {@link SuiteDatabase} parameters
 * with the namespace that {@link ServerUnderTest} of the running test module creates, one per test
 * class, kept in the class's store so that JUnit closes (drops) it when the class is done.
 */
public final class SuiteDatabaseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(SuiteDatabaseExtension.class);

    /** Creates the extension; JUnit does this for {@link RelationalSuite}. */
    public SuiteDatabaseExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SuiteDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = outermostClass(context);
        String label = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(STORE).computeIfAbsent(SuiteDatabase.class,
                type -> SuiteDatabase.open(label), SuiteDatabase.class);
    }

    /** The context of the outermost test class, so that a {@code @Nested} class shares its namespace. */
    private static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}

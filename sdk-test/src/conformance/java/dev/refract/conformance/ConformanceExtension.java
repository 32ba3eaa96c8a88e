package dev.refract.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link Conformance}: resolves {@link ConformanceContext} parameters
 * with a context on a store that {@code ConformanceServer} of the running module creates, one per
 * test class, kept in the class's store so that JUnit closes it (and drops the namespace) when the
 * class is done.
 */
public final class ConformanceExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Creates the extension; JUnit does this for {@link Conformance}. */
    public ConformanceExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = outermostClass(context);
        String label = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(STORE).computeIfAbsent(ConformanceContext.class,
                type -> ConformanceContext.open(ConformanceServer.create(label)), ConformanceContext.class);
    }

    /** The context of the outermost test class, so that a {@code @Nested} class shares its store. */
    private static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}

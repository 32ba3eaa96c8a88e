package dev.refract.boot.autoconfigure;

import dev.refract.client.ClientOptions;
import dev.refract.client.GeneratedClient;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The generated client class that {@code refract.client} names, and its static {@code of(ClientOptions)}:
 * looked up once, when the context starts, and called once to build the client bean.
 *
 * @param type    the generated client class
 * @param factory its {@code of(ClientOptions)}, typed {@code (ClientOptions) -> GeneratedClient}
 */
record GeneratedClientType(Class<? extends GeneratedClient> type, MethodHandle factory) {

    /**
     * The generated client class {@code className}.
     *
     * @throws IllegalStateException saying what to set when the class is missing or is no generated client
     */
    static GeneratedClientType load(String className, ClassLoader loader) {
        Class<?> found;
        try {
            found = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("refract.client names " + className + ", which is not on the class path:"
                    + " set it to the generated client class, the generator block's package and the client's name,"
                    + " e.g. com.example.db.RefractClient", e);
        }
        if (!GeneratedClient.class.isAssignableFrom(found)) {
            throw new IllegalStateException("refract.client names " + className + ", which is not a generated Refract"
                    + " client: set it to the class the generator made from the schema, e.g. com.example.db.RefractClient,"
                    + " and generate it again if it was made by an older version");
        }
        Class<? extends GeneratedClient> type = found.asSubclass(GeneratedClient.class);
        try {
            MethodHandle of = MethodHandles.publicLookup().findStatic(type, "of", MethodType.methodType(type, ClientOptions.class));
            return new GeneratedClientType(type, of.asType(MethodType.methodType(GeneratedClient.class, ClientOptions.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("The generated client " + className + " has no public static"
                    + " of(ClientOptions): generate it again with this version of Refract", e);
        }
    }

    /** A new client built with {@code options}; what {@code of} throws passes through. */
    GeneratedClient create(ClientOptions options) {
        try {
            return (GeneratedClient) factory.invokeExact(options);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The generated client " + type.getName() + " could not be built", e);
        }
    }
}

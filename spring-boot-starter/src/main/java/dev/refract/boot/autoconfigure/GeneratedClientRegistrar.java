package dev.refract.boot.autoconfigure;

import dev.refract.client.GeneratedClient;
import dev.refract.client.OperationListener;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the client bean under its generated type, so that the application injects it as
 * {@code RefractClient} (or whatever the generator named it). The type is looked up once, here; the
 * bean is built from the properties, the {@link OperationListener} beans and the
 * {@link RefractClientOptionsCustomizer} beans when it is first needed.
 */
final class GeneratedClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware,
        BeanClassLoaderAware {

    /** The name of the client bean. */
    static final String BEAN_NAME = "refractClient";

    private Environment environment;
    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        String className = environment.getRequiredProperty("refract.client").trim();
        register(registry, GeneratedClientType.load(className, classLoader));
    }

    private void register(BeanDefinitionRegistry registry, GeneratedClientType client) {
        registry.registerBeanDefinition(BEAN_NAME, definition(client.type(), client));
    }

    private <C extends GeneratedClient> RootBeanDefinition definition(Class<C> type, GeneratedClientType client) {
        RootBeanDefinition definition = new RootBeanDefinition(type, () -> type.cast(client.create(
                ClientOptionsAssembly.assemble(beanFactory.getBean(RefractProperties.class),
                        beanFactory.getBeanProvider(OperationListener.class).orderedStream().toList(),
                        beanFactory.getBeanProvider(RefractClientOptionsCustomizer.class).orderedStream().toList()))));
        // the lifecycle bean closes the client and waits for its pools; this close only marks it closed
        // when the context fails before the lifecycle ran
        definition.setDestroyMethodName("close");
        return definition;
    }
}

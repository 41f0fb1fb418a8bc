package io.couriermq.console;

import org.springframework.context.annotation.Configuration;

/** Builds the console's {@link io.couriermq.console.data.ConsoleData} over the admin library, unless the app has one. */
@Configuration(proxyBeanMethods = false)
class ConsoleDataConfiguration {}

package io.couriermq.clientcompat.admin;

import io.couriermq.harness.process.Jvm;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Apache RocketMQ 5.2.0's {@code DefaultMQAdminExt} (rocketmq-tools, what mqadmin and the dashboard call),
 * loaded from mq-official-classpath's classpath file into a class loader of its own: this module keeps
 * RocketMQ and Netty 4.1 off its classpath, so the admin is driven by reflection and its answers are
 * turned into plain values here. What it decodes is what the official tools decode.
 */
public final class OfficialAdmin implements AutoCloseable {
    private static final String ADMIN_CLASS = "org.apache.rocketmq.tools.admin.DefaultMQAdminExt";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final URLClassLoader loader;
    private final Object admin;

    private OfficialAdmin(URLClassLoader loader, Object admin) {
        this.loader = loader;
        this.admin = admin;
    }

    /** A started admin for the NameServer(s) at {@code nameServerAddress}. */
    public static OfficialAdmin start(String nameServerAddress) {
        URLClassLoader loader = new URLClassLoader(officialJars(), ClassLoader.getPlatformClassLoader());
        try {
            Object admin = inLoader(loader, () -> {
                Object created =
                        loader.loadClass(ADMIN_CLASS).getConstructor(long.class).newInstance(10_000L);
                call(created, "setNamesrvAddr", nameServerAddress);
                call(created, "setInstanceName", "official-admin-" + INSTANCES.incrementAndGet());
                call(created, "start");
                return created;
            });
            return new OfficialAdmin(loader, admin);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /** {@code getConsumerRunningInfo(group, clientId, jstack)}: what {@code mqadmin consumerStatus} shows. */
    public RunningInfo consumerRunningInfo(String group, String clientId, boolean jstack) {
        return inLoader(loader, () -> {
            Object info = call(admin, "getConsumerRunningInfo", group, clientId, jstack);
            Map<String, Long> commitOffsets = new TreeMap<>();
            ((Map<?, ?>) call(info, "getMqTable"))
                    .forEach((queue, processQueue) ->
                            commitOffsets.put(queueName(queue), (Long) call(processQueue, "getCommitOffset")));
            Map<String, Double> consumeOkTps = new TreeMap<>();
            ((Map<?, ?>) call(info, "getStatusTable"))
                    .forEach((topic, status) ->
                            consumeOkTps.put((String) topic, (Double) call(status, "getConsumeOKTPS")));
            return new RunningInfo(
                    (Properties) call(info, "getProperties"),
                    ((java.util.Set<?>) call(info, "getSubscriptionSet"))
                            .stream()
                                    .map(subscription -> (String) call(subscription, "getTopic"))
                                    .toList(),
                    commitOffsets,
                    consumeOkTps,
                    (String) call(info, "getJstack"),
                    (String) call(info, "formatString"));
        });
    }

    /** {@code resetOffsetByTimestamp(topic, group, timestamp, force)}: queue ("broker:queueId") to offset. */
    public Map<String, Long> resetOffsetByTimestamp(String topic, String group, long timestampMs, boolean force) {
        return inLoader(
                loader,
                () -> byQueueName((Map<?, ?>) call(admin, "resetOffsetByTimestamp", topic, group, timestampMs, force)));
    }

    /** {@code getConsumeStatus(topic, group, clientAddr)}: client id to its offsets by "broker:queueId". */
    public Map<String, Map<String, Long>> consumeStatus(String topic, String group, String clientAddr) {
        return inLoader(loader, () -> {
            Map<String, Map<String, Long>> byClient = new TreeMap<>();
            ((Map<?, ?>) call(admin, "getConsumeStatus", topic, group, clientAddr))
                    .forEach((clientId, table) -> byClient.put((String) clientId, byQueueName((Map<?, ?>) table)));
            return byClient;
        });
    }

    /** {@code consumeMessageDirectly(group, clientId, topic, msgId)}: the CMResult's name. */
    public String consumeMessageDirectly(String group, String clientId, String topic, String msgId) {
        return inLoader(loader, () -> {
            Object result = call(admin, "consumeMessageDirectly", group, clientId, topic, msgId);
            return String.valueOf(call(result, "getConsumeResult"));
        });
    }

    @Override
    public void close() {
        try {
            inLoader(loader, () -> call(admin, "shutdown"));
        } finally {
            closeQuietly(loader);
        }
    }

    /**
     * A consumer's running info as the official admin decoded it.
     *
     * @param subscribedTopics the topics of its subscription set
     * @param commitOffsets commit offset per queue, "topic/broker:queueId"
     * @param consumeOkTps consumeOKTPS per topic of the status table
     * @param formatted {@code formatString()}: the text {@code mqadmin consumerStatus} prints
     */
    public record RunningInfo(
            Properties properties,
            java.util.List<String> subscribedTopics,
            Map<String, Long> commitOffsets,
            Map<String, Double> consumeOkTps,
            String jstack,
            String formatted) {}

    private static Map<String, Long> byQueueName(Map<?, ?> table) {
        Map<String, Long> named = new TreeMap<>();
        table.forEach((queue, offset) -> named.put(queueName(queue), (Long) offset));
        return named;
    }

    private static String queueName(Object queue) {
        return call(queue, "getTopic") + "/" + call(queue, "getBrokerName") + ":" + call(queue, "getQueueId");
    }

    /** Calls the public method of that name whose parameter count matches, boxing as reflection does. */
    private static Object call(Object target, String name, Object... args) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(name) && candidate.getParameterCount() == args.length)
                .filter(candidate -> accepts(candidate.getParameterTypes(), args))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no method " + name + " with " + args.length + " arguments on " + target.getClass()));
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] != null && !type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == int.class) {
            return Integer.class;
        }
        return primitive;
    }

    /** Runs with the isolated loader as context loader: fastjson and the client look classes up there. */
    private static <T> T inLoader(ClassLoader loader, Callable<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL[] officialJars() {
        return Arrays.stream(Jvm.officialClasspath().split(File.pathSeparator))
                .map(path -> {
                    try {
                        return new File(path).toURI().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (java.io.IOException e) {
            // nothing left to do: the loader's jars are read-only
        }
    }
}

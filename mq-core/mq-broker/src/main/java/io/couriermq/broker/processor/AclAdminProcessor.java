package io.couriermq.broker.processor;

import io.couriermq.acl.AclService;
import io.couriermq.acl.model.AccountConfig;
import io.couriermq.acl.model.Accounts;
import io.couriermq.acl.model.AclFile;
import io.couriermq.acl.model.FileVersion;
import io.couriermq.remoting.protocol.RemotingCommand;
import io.couriermq.remoting.protocol.RequestCode;
import io.couriermq.remoting.protocol.ResponseCode;
import io.couriermq.remoting.protocol.body.DataVersion;
import io.couriermq.remoting.protocol.body.RemotingJson;
import io.couriermq.remoting.protocol.header.HeaderFields;
import io.couriermq.remoting.rpc.RequestContext;
import io.couriermq.remoting.rpc.RequestProcessor;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ACL 1.0 management codes of RocketMQ 5.2.0's mqadmin, with its header fields and answers:
 * UPDATE_AND_CREATE_ACL_CONFIG (50, {@code updateAclConfig}), DELETE_ACL_CONFIG (51), GET_BROKER_CLUSTER_ACL_INFO
 * (52, {@code clusterAclConfigVersion}), UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53) and GET_BROKER_CLUSTER_ACL_CONFIG
 * (54). Only admin accounts get here (the ACL guard's hardening). Changes are written to the accounts file
 * and in force at once.
 *
 * <p>Where we differ from 5.2.0: with ACL off every code answers a failure naming {@code aclEnable} (5.2.0
 * answers 50/51/53 with a NullPointerException's text and never answers 52); 52 also fills {@code
 * allAclFileVersion}, which the 5.2.0 client reads but that broker leaves empty; 54, which 5.2.0 does not
 * serve, lists the global white lists and the accounts without their secret keys.
 */
public final class AclAdminProcessor implements RequestProcessor {
    public static final List<RequestCode> CODES = List.of(
            RequestCode.UPDATE_AND_CREATE_ACL_CONFIG,
            RequestCode.DELETE_ACL_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_INFO,
            RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG);

    static final String ACL_OFF = "ACL is not enabled on this broker (aclEnable=false)";

    /** Who answers: for the version listing. */
    public record BrokerIdentity(String clusterName, String brokerName, Supplier<String> brokerAddress) {}

    private final AclService acl;
    private final BrokerIdentity identity;

    /** {@code acl} null when ACL is off. */
    public AclAdminProcessor(AclService acl, BrokerIdentity identity) {
        this.acl = acl;
        this.identity = identity;
    }

    @Override
    public RemotingCommand process(RequestContext context, RemotingCommand request) {
        RequestCode code = RequestCode.of(request.code());
        if (acl == null) {
            return fail(request, failureCode(code), ACL_OFF);
        }
        try {
            return switch (code) {
                case UPDATE_AND_CREATE_ACL_CONFIG -> update(request);
                case DELETE_ACL_CONFIG -> delete(request);
                case GET_BROKER_CLUSTER_ACL_INFO -> versions(request);
                case UPDATE_GLOBAL_WHITE_ADDRS_CONFIG -> whiteList(request);
                default -> config(request);
            };
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return fail(request, failureCode(code), e.getMessage());
        }
    }

    private RemotingCommand update(RemotingCommand request) {
        HeaderFields fields = new HeaderFields(request);
        acl.editor()
                .createOrUpdate(new AccountConfig(
                        fields.optionalString("accessKey"),
                        fields.optionalString("secretKey"),
                        fields.optionalString("whiteRemoteAddress"),
                        fields.booleanOr("admin", false),
                        fields.optionalString("defaultTopicPerm"),
                        fields.optionalString("defaultGroupPerm"),
                        split(fields.optionalString("topicPerms")),
                        split(fields.optionalString("groupPerms"))));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand delete(RemotingCommand request) {
        String accessKey = new HeaderFields(request).optionalString("accessKey");
        if (accessKey == null || !acl.editor().delete(accessKey)) {
            return fail(
                    request,
                    ResponseCode.DELETE_ACL_CONFIG_FAILED,
                    "The accessKey[" + accessKey + "] corresponding to accessConfig has been deleted failed.");
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand whiteList(RemotingCommand request) {
        HeaderFields fields = new HeaderFields(request);
        acl.editor()
                .replaceGlobalWhiteList(
                        split(fields.optionalString("globalWhiteAddrs")), fields.optionalString("aclFileFullPath"));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS).build();
    }

    private RemotingCommand versions(RemotingCommand request) {
        Map<Path, FileVersion> versions = acl.versions();
        Map<String, DataVersion> all = new LinkedHashMap<>();
        versions.forEach((path, version) -> all.put(path.toString(), dataVersion(version)));
        DataVersion main = dataVersion(versions.get(acl.accounts().mainFile()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .extField("version", new String(RemotingJson.encode(main), StandardCharsets.UTF_8))
                .extField("allAclFileVersion", new String(RemotingJson.encode(all), StandardCharsets.UTF_8))
                .extField("brokerName", identity.brokerName())
                .extField("brokerAddr", identity.brokerAddress().get())
                .extField("clusterName", identity.clusterName())
                .build();
    }

    /** RocketMQ's AclConfig body: global white lists and accounts; secret keys are left out. */
    private RemotingCommand config(RemotingCommand request) {
        Accounts accounts = acl.accounts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "globalWhiteAddrs",
                accounts.files().stream()
                        .flatMap(file -> file.globalWhiteRemoteAddresses().stream())
                        .toList());
        body.put(
                "plainAccessConfigs",
                accounts.files().stream()
                        .map(AclFile::accounts)
                        .flatMap(List::stream)
                        .map(AclAdminProcessor::withoutSecret)
                        .toList());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS)
                .body(RemotingJson.encode(body))
                .build();
    }

    private static Map<String, Object> withoutSecret(AccountConfig account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accessKey", account.accessKey());
        fields.put("whiteRemoteAddress", account.whiteRemoteAddress());
        fields.put("admin", account.admin());
        fields.put("defaultTopicPerm", account.defaultTopicPerm());
        fields.put("defaultGroupPerm", account.defaultGroupPerm());
        fields.put("topicPerms", account.topicPerms());
        fields.put("groupPerms", account.groupPerms());
        return fields;
    }

    private static DataVersion dataVersion(FileVersion version) {
        return version == null ? new DataVersion(0, 0, 0) : new DataVersion(version.timestamp(), version.counter(), 0);
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static ResponseCode failureCode(RequestCode code) {
        return switch (code) {
            case UPDATE_AND_CREATE_ACL_CONFIG -> ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED;
            case DELETE_ACL_CONFIG -> ResponseCode.DELETE_ACL_CONFIG_FAILED;
            case UPDATE_GLOBAL_WHITE_ADDRS_CONFIG -> ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED;
            default -> ResponseCode.SYSTEM_ERROR;
        };
    }

    private static RemotingCommand fail(RemotingCommand request, ResponseCode code, String message) {
        return RemotingCommand.responseTo(request, code).remark(message).build();
    }
}

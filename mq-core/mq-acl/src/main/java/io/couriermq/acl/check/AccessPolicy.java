package io.couriermq.acl.check;

import io.couriermq.acl.model.Accounts;
import io.couriermq.remoting.protocol.RemotingCommand;

/**
 * What a server asks of each request: the broker checks every request ({@link #BROKER}); a server with
 * a narrower policy (the NameServer's opt-in checks only its writes) supplies its own.
 */
@FunctionalInterface
public interface AccessPolicy {

    /** Null when {@code request} from {@code remoteAddress} ("ip:port" or "ip") may run; otherwise why not. */
    AccessDenial check(Accounts accounts, String remoteAddress, RemotingCommand request);

    /** RocketMQ 5.2.0's broker rules: every request, {@link AccessValidator#check}. */
    AccessPolicy BROKER = AccessValidator::check;
}

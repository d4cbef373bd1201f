package io.fms.notify.webhook;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Locale;

/**
 * The registered domain a receiver's host belongs to, by the public suffix list: whoever owns {@code evil.co.uk}
 * can mint {@code a.evil.co.uk}, {@code b.evil.co.uk}, ... at no cost, so a limit per host name would limit nobody.
 */
final class RegisteredDomain {

    private RegisteredDomain() {}

    /**
     * @param host a URL's host as {@link java.net.URI#getHost()} gives it (IPv6 literals in brackets)
     * @return the registered domain; the host itself for an IP literal, a public suffix, a single label such as
     *     {@code localhost}, or anything that is no domain name
     */
    static String of(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            // "evil.co.uk." is the same name as "evil.co.uk"; left alone, the dot would be a free second key.
            name = name.substring(0, name.length() - 1);
        }
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (InetAddresses.isInetAddress(bare) || !InternetDomainName.isValid(name)) {
            return name;
        }
        InternetDomainName domain = InternetDomainName.from(name);
        if (domain.isUnderPublicSuffix()) {
            return domain.topPrivateDomain().toString();
        }
        if (domain.hasPublicSuffix()) {
            return name;
        }
        // Under no suffix our copy of the list knows: a top-level domain newer than the copy, most likely. The list's
        // own rule for that case ("*") makes the last label the suffix; without it every host there would count alone.
        List<String> parts = domain.parts();
        int n = parts.size();
        return n <= 2 ? name : parts.get(n - 2) + "." + parts.get(n - 1);
    }
}

package uk.nhs.pathways.web.signin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.nhs.pathways.web.WebConfig;

/**
 * The production profile refuses to start with anything meant only for the local demo: the password-less
 * sign-in, or the committed CSRF signing key. Other profiles (local-demo, compose, test) are demos.
 */
@Singleton
public class ProductionRefusals {

    static final String DEMO_CSRF_KEY_PREFIX = "local-demo-";

    void onStart(
            @Observes StartupEvent started,
            WebConfig config,
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") String csrfKey) {
        if (ConfigUtils.getProfiles().contains("prod")) {
            List<String> refusals = refusals(config.signIn(), csrfKey);
            if (!refusals.isEmpty()) {
                throw new IllegalStateException(
                        "Refusing to start in the production profile: " + String.join("; ", refusals));
            }
        }
    }

    /** What the production profile may not run with; empty when it may start. */
    static List<String> refusals(WebConfig.SignIn signIn, String csrfKey) {
        List<String> refusals = new ArrayList<>();
        if (signIn == WebConfig.SignIn.LOCAL_DEMO) {
            refusals.add("pathways.web.sign-in=local-demo is the local demo's password-less sign-in; use oidc");
        }
        if (csrfKey == null || csrfKey.startsWith(DEMO_CSRF_KEY_PREFIX)) {
            refusals.add(
                    "the CSRF signing key is the committed demo key; set PATHWAYS_WEB_CSRF_KEY from a secret store");
        }
        return refusals;
    }
}

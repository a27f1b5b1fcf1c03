package dev.gatehouse.bundle;

import static dev.gatehouse.bundle.Fixtures.KEY;
import static dev.gatehouse.bundle.Fixtures.OTHER_KEY;
import static dev.gatehouse.bundle.Fixtures.TRUSTED;
import static dev.gatehouse.bundle.Fixtures.bundle;
import static dev.gatehouse.bundle.Fixtures.entries;
import static dev.gatehouse.bundle.Fixtures.utf8;
import static dev.gatehouse.bundle.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BundleTest {

  @Test
  void read_signedBundle_givesFilesRevisionAndKey() {
    Bundle bundle = Bundle.read(bundle(7), TRUSTED);

    assertThat(bundle.revision()).isEqualTo(7);
    assertThat(bundle.createdAt()).isEqualTo(Fixtures.CREATED);
    assertThat(bundle.files())
        .containsOnlyKeys("a.policy", "b.policy")
        .containsEntry("a.policy", Fixtures.policies(7).get("a.policy"));
    assertThat(bundle.keyId()).contains(BundleKeys.keyId(KEY.getPublic()));
    assertThat(bundle.builtFor(Schema.standard())).isTrue();
    assertThat(
            bundle.builtFor(
                Schema.standard().toBuilder().declare("user.level", AttributeType.INT).build()))
        .isFalse();
  }

  @Test
  void build_sameContent_givesSameBytes() {
    assertThat(bundle(3)).isEqualTo(bundle(3));
  }

  @Test
  void read_keyRotation_acceptsEitherTrustedKey() {
    TrustedKeys both = TrustedKeys.of(List.of(KEY.getPublic(), OTHER_KEY.getPublic()));

    assertThat(Bundle.read(bundle(1, KEY), both).revision()).isEqualTo(1);
    assertThat(Bundle.read(bundle(2, OTHER_KEY), both).revision()).isEqualTo(2);
  }

  @Test
  void read_wrongKey_refusesNamingTheKey() {
    String other = BundleKeys.keyId(OTHER_KEY.getPublic());

    assertThatThrownBy(() -> Bundle.read(bundle(1, OTHER_KEY), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle is signed by `" + other + "`, which is not a trusted key");
  }

  @Test
  void read_keyIdOfTrustedKeyButOtherSigner_refuses() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1, OTHER_KEY)));
    String sig = new String(entries.get(1).getValue(), java.nio.charset.StandardCharsets.UTF_8);
    String forged = sig.replaceFirst("key-id \\S+", "key-id " + BundleKeys.keyId(KEY.getPublic()));
    entries.set(1, Map.entry("gatehouse.sig", utf8(forged)));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "the signature does not verify with key `" + BundleKeys.keyId(KEY.getPublic()) + "`");
  }

  @Test
  void read_noKeyId_refusesRatherThanSkippingTheCheck() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1)));
    String sig = new String(entries.get(1).getValue(), java.nio.charset.StandardCharsets.UTF_8);
    entries.set(1, Map.entry("gatehouse.sig", utf8(sig.substring(sig.indexOf('\n') + 1))));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the signature names no key id");
  }

  @Test
  void read_strippedSignature_refuses() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1)));
    entries.remove(1);

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle is not signed");
  }

  @Test
  void read_fileChangedWithValidZip_refusesOnTheDigest() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1)));
    entries.set(2, Map.entry("a.policy", utf8("assign \"all\" {\n  app \"mail\" role \"x\"\n}\n")));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the digest of `a.policy` does not match the manifest");
  }

  @Test
  void read_fileNotInManifest_refuses() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1)));
    entries.add(Map.entry("c.policy", utf8("assign \"c\" {\n  app \"mail\" role \"x\"\n}\n")));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle holds `c.policy`, which the manifest does not list");
  }

  @Test
  void read_fileOfManifestMissing_refuses() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle(1)));
    entries.remove(3);

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the manifest lists `b.policy`, which the bundle does not hold");
  }

  @Test
  void readUnverified_unsignedBundle_checksDigestsOnly() {
    byte[] unsigned = Bundle.builder().revision(2).file("a.policy", "# empty\n").build();

    assertThat(Bundle.readUnverified(unsigned).keyId()).isEmpty();
    assertThatThrownBy(() -> Bundle.read(unsigned, TRUSTED)).hasMessage("the bundle is not signed");
  }

  @Test
  void keys_pemRoundTrip_keepsTheKeyId() {
    BundleKeys.SigningKey signing = BundleKeys.readPrivate(BundleKeys.privatePem(KEY));
    byte[] bytes = Bundle.builder().revision(1).file("a.policy", "# x\n").sign(signing).build();
    TrustedKeys trusted =
        TrustedKeys.of(List.of(BundleKeys.readPublic(BundleKeys.publicPem(KEY.getPublic()))));

    assertThat(signing.keyId()).isEqualTo(BundleKeys.keyId(KEY.getPublic()));
    assertThat(Bundle.read(bytes, trusted).keyId()).contains(signing.keyId());
  }

  @Test
  void readPrivate_withoutKeyIdLine_refusesToGuess() {
    String pem = BundleKeys.privatePem(KEY);
    String bare = pem.substring(pem.indexOf('\n') + 1);

    assertThatThrownBy(() -> BundleKeys.readPrivate(bare))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the private key has no `key-id:` line; create keys with"
                + " `gatehouse bundle keygen`");
  }

  @Test
  void file_pathName_isRejected() {
    assertThatThrownBy(() -> Bundle.builder().file("../x.policy", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("`../x.policy` is not a flat `*.policy` file name");
  }
}

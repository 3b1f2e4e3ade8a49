package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.8 supported-image catalogues (used by P6, P8, E2). */
class ImageCatalogueTest {
  private static ImageReference image(String publisher, String offer, String sku) {
    return ImageReference.marketplace(publisher, offer, sku);
  }

  private static ImageCatalogue json(String text) {
    return ImageCatalogue.fromJson(new StringReader(text));
  }

  @ParameterizedTest
  @CsvSource({
    "Canonical, UbuntuServer, 18.04-LTS",
    "RedHat, RHEL, 7.2", "RedHat, RHEL, 7_9", "RedHat, RHEL, 7-LVM", "Redhat, rhel, 7-raw",
    "MicrosoftWindowsServer, WindowsServer, 2012-R2-Datacenter",
    "MicrosoftWindowsServer, WindowsServer, 2016-Datacenter",
    "MicrosoftWindowsServer, WindowsServer, 2016-Datacenter-Server-Core",
    "MicrosoftWindowsServer, WindowsServer, 2019-Datacenter",
    "microsoftwindowsserver, windowsserver, 2019-DATACENTER-CORE",
  })
  void seedSupportsItsTableIgnoringCase(String publisher, String offer, String sku) {
    assertThat(ImageCatalogue.seed().supports(image(publisher, offer, sku))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "RedHat, RHEL, 8.1", "RedHat, RHEL, 7", "RedHat, RHEL, 70", "RedHat, RHEL, 17.2",
    "OpenLogic, RHEL, 7.2", "RedHat, RHEL-RAW, 7.2",
    "MicrosoftWindowsServer, WindowsServer, 2022-datacenter",
    "MicrosoftWindowsServer, WindowsServer, 2019-Datacenter-smalldisk",
    "Canonical, UbuntuServer, 16.04-LTS",
  })
  void seedRejectsEverythingElse(String publisher, String offer, String sku) {
    assertThat(ImageCatalogue.seed().supports(image(publisher, offer, sku))).isFalse();
  }

  @Test
  void seedHasNoHotpatchCapableImage() {
    assertThat(ImageCatalogue.seed().images()).noneMatch(SupportedImage::isHotpatchCapable);
    assertThat(ImageCatalogue.seed().edition()).isEqualTo("seed");
  }

  @ParameterizedTest
  @CsvSource({
    "RedHat, RHEL, 8.1", "RedHat, RHEL, 9_4", "OpenLogic, CentOS, 7_8", "SUSE, sles-15-sp2, gen2",
    "MicrosoftWindowsServer, WindowsServer, 2008-R2-SP1", "MicrosoftWindowsServer, WindowsServer, 2022-datacenter",
    "Canonical, 0001-com-ubuntu-server-jammy, 22_04-lts-gen2", "MicrosoftCblMariner, azure-linux-3, azure-linux-3-gen2",
    "Canonical, UbuntuServer, 18.04-LTS", "MicrosoftWindowsServer, WindowsServer, 2019-Datacenter-Core",
  })
  void currentSupportsThePublicLists(String publisher, String offer, String sku) {
    assertThat(ImageCatalogue.current().supports(image(publisher, offer, sku))).isTrue();
  }

  @Test
  void currentMarksTheHotpatchableImages() {
    ImageCatalogue c = ImageCatalogue.current();
    assertThat(c.isHotpatchCapable(image("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition-core")))
        .isTrue();
    assertThat(c.isHotpatchCapable(image("MicrosoftWindowsServer", "WindowsServer", "2025-datacenter-azure-edition")))
        .isTrue();
    assertThat(c.isHotpatchCapable(image("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition")))
        .isFalse();
    assertThat(c.isHotpatchCapable(image("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter"))).isFalse();
    assertThat(c.isHotpatchCapable(image("Canonical", "UbuntuServer", "18.04-LTS"))).isFalse();
  }

  @Test
  @DisplayName("custom images are never supported, in any edition")
  void customImageIsNeverSupported() {
    ImageCatalogue everything = json("[{\"publisher\":\"*\",\"offer\":\"x\",\"skus\":[\"*\"]}]");
    assertThat(ImageCatalogue.current().supports(SettingsFixtures.CUSTOM)).isFalse();
    assertThat(ImageCatalogue.current().isHotpatchCapable(SettingsFixtures.CUSTOM)).isFalse();
    assertThat(everything.supports(SettingsFixtures.CUSTOM)).isFalse();
    assertThat(ImageCatalogue.seed().supports(ImageReference.builder().publisher("Canonical").offer("UbuntuServer").build()))
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "7.x, 7.2, true", "7.x, 7_9, true", "7.x, 7-LVM, true", "7.X, 7.10, true",
    "7.x, 8.1, false", "7.x, 7, false", "7.x, 70, false", "7.x, 7., false", "7.x, 17.2, false",
    "7*, 7, true", "7*, 70, true", "7*, 7.2, true", "7*, 8.1, false",
    "*-gen2, 84-gen2, true", "*-gen2, 84-gen1, false", "8*gen2, 8-lvm-GEN2, true", "*, anything, true",
    "2019-Datacenter, 2019-datacenter, true", "2019-Datacenter, 2019-Datacenter-Core, false",
  })
  void skuPatterns(String pattern, String sku, boolean matches) {
    assertThat(SupportedImage.of("p", "o", pattern, false).matchesSku(sku)).isEqualTo(matches);
  }

  @Test
  void readsAUserCatalogueFromJson() {
    ImageCatalogue c = ImageCatalogue.fromJson(new ByteArrayInputStream((
        "{\"edition\":\"mine\",\"images\":[{\"publisher\":\"Contoso\",\"offer\":\"Hardened\","
            + "\"skus\":[\"2024.*\",\"legacy\"],\"hotpatchCapable\":true}]}").getBytes(StandardCharsets.UTF_8)));
    assertThat(c.edition()).isEqualTo("mine");
    assertThat(c.images()).hasSize(2);
    assertThat(c.supports(image("contoso", "hardened", "2024.06"))).isTrue();
    assertThat(c.isHotpatchCapable(image("Contoso", "Hardened", "LEGACY"))).isTrue();
    assertThat(c.supports(image("Contoso", "Hardened", "2023.01"))).isFalse();
  }

  @Test
  void plusCombinesBothCatalogues() {
    ImageCatalogue mine = json("[{\"publisher\":\"Contoso\",\"offer\":\"Hardened\",\"skus\":[\"1\"]}]");
    ImageCatalogue both = ImageCatalogue.seed().plus(mine);
    assertThat(both.supports(image("Contoso", "Hardened", "1"))).isTrue();
    assertThat(both.supports(SettingsFixtures.UBUNTU_1804)).isTrue();
    assertThat(both.edition()).isEqualTo("seed+custom");
    assertThat(ImageCatalogue.seed().plus(ImageCatalogue.seed()).images()).hasSameSizeAs(ImageCatalogue.seed().images());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"images\":[{\"offer\":\"o\",\"skus\":[\"s\"]}]}|images[0].publisher",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"s\"]},{\"publisher\":\"p\",\"offer\":5,\"skus\":[\"s\"]}]}|images[1].offer",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[]}]}|images[0].skus",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\"}]}|images[0].skus",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"a\",7]}]}|images[0].skus[1]",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"a b\"]}]}|images[0].skus[0]",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"7.?\"]}]}|images[0].skus[0]",
    "{\"images\":[{\"publisher\":\" \",\"offer\":\"o\",\"skus\":[\"s\"]}]}|images[0].publisher",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"s\"],\"hotpatch\":true}]}|images[0].hotpatch",
    "{\"images\":[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"s\"],\"hotpatchCapable\":\"yes\"}]}|images[0].hotpatchCapable",
    "{\"images\":[\"p:o:s\"]}|images[0]",
    "[{\"publisher\":\"p\",\"offer\":\"o\",\"skus\":[\"s\"]},{}]|[1].publisher",
    "{\"imgs\":[]}|imgs",
    "{\"images\":{}}|images",
    "{\"images\": [|not valid JSON",
    "42|object",
  })
  void rejectsBadJsonNamingEntryAndField(String text, String expected) {
    assertThatIllegalArgumentException().isThrownBy(() -> json(text)).withMessageContaining(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7.?", "a b"})
  void supportedImageRejectsBadPatterns(String pattern) {
    assertThatIllegalArgumentException().isThrownBy(() -> SupportedImage.of("p", "o", pattern, false))
        .withMessageContaining("sku");
  }

  @Test
  void bundledEditionsAreWellFormed() {
    assertThat(ImageCatalogue.seed().images()).hasSize(7);
    assertThat(ImageCatalogue.current().images().size()).isGreaterThan(150);
    List<SupportedImage> hot = ImageCatalogue.current().images().stream()
        .filter(SupportedImage::isHotpatchCapable).collect(java.util.stream.Collectors.toList());
    assertThat(hot).hasSize(8).allMatch(i -> i.offer().equals("WindowsServer"));
  }
}

package bd.com.getit.realtime.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.ParameterType;
import bd.com.getit.realtime.domain.notification.RenderedNotification;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcuNotificationTemplatesTest {
  private static final IcuNotificationTemplates DEFAULTS =
      IcuNotificationTemplates.load(Optional.empty());

  @TempDir Path dir;

  private static TemplateValue.Amount taka(String amount) {
    return new TemplateValue.Amount(new BigDecimal(amount));
  }

  private static TemplateValue.Number number(int n) {
    return new TemplateValue.Number(BigDecimal.valueOf(n));
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  @Test
  void theShippedTemplatesPassTheCheckAnOperatorsTemplatesPassAtStart() {
    // What load() no longer does for the jar's own templates at every start, the build does here.
    IcuNotificationTemplates.checkShipped();
  }

  @Test
  void theShippedTemplatesAreCompiledAtTheirFirstRenderOnly() {
    IcuNotificationTemplates fresh = IcuNotificationTemplates.load(Optional.empty());
    assertThat(fresh.templates()).hasSize(9);
    assertThat(fresh.shippedCompiledYet()).isFalse();

    RenderedNotification first =
        fresh.render(
            "order_shipped",
            Map.of(
                "order_id", new TemplateValue.Text("A1"),
                "courier", new TemplateValue.Text("Pathao"),
                "expected_at", new TemplateValue.Time(Instant.parse("2026-12-07T10:00:00Z"))));

    assertThat(fresh.shippedCompiledYet()).isTrue();
    assertThat(first.title().english()).isEqualTo("Order A1 has shipped");
    assertThatThrownBy(() -> fresh.render("no_such", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShippedTemplatesCoverThePlatformsNotificationTypes() {
    assertThat(DEFAULTS.templates())
        .extracting(NotificationTemplate::id)
        .containsExactly(
            "back_in_stock",
            "cart_reminder",
            "flash_sale",
            "order_confirmed",
            "order_delivered",
            "order_shipped",
            "payment_failed",
            "payment_received",
            "price_drop");
    assertThat(DEFAULTS.templates().get(8).parameters())
        .containsExactly(
            new TemplateParameter("product_name", ParameterType.TEXT),
            new TemplateParameter("old_price", ParameterType.AMOUNT),
            new TemplateParameter("new_price", ParameterType.AMOUNT));
  }

  @Test
  void takaAmountsAreWrittenInEachLanguagesDigitsAndGrouping() {
    RenderedNotification r =
        DEFAULTS.render(
            "price_drop",
            Map.of(
                "product_name", new TemplateValue.Text("Walton Primo"),
                "old_price", taka("1349900"),
                "new_price", taka("12499")));

    assertThat(r.title())
        .isEqualTo(LocalizedText.of("Price drop on Walton Primo", "Walton Primo-এর দাম কমেছে"));
    assertThat(r.message())
        .isEqualTo(
            LocalizedText.of(
                "Now Tk 12,499, was Tk 1,349,900.", "এখন ৳১২,৪৯৯, আগে ছিল ৳১৩,৪৯,৯০০।"));
  }

  @Test
  void paisaAreKeptAndTimesAreBangladeshTime() {
    RenderedNotification r =
        DEFAULTS.render(
            "order_shipped",
            Map.of(
                "order_id", new TemplateValue.Text("GT-1042"),
                "courier", new TemplateValue.Text("Pathao"),
                // 18:30 UTC is 00:30 the next day in Dhaka (UTC+6)
                "expected_at", new TemplateValue.Time(Instant.parse("2026-12-07T18:30:00Z"))));
    assertThat(r.message().english()).isEqualTo("Pathao will deliver it by 8 Dec 2026, 12:30 AM.");
    assertThat(r.message().bangla())
        .contains("Pathao এটি ৮ ডিসেম্বর ২০২৬, ১২:৩০ AM-এর মধ্যে পৌঁছে দেবে।");

    RenderedNotification paid =
        DEFAULTS.render(
            "payment_received",
            Map.of(
                "order_id", new TemplateValue.Text("GT-1042"),
                "amount", taka("1250.50"),
                "method", new TemplateValue.Text("bKash")));
    assertThat(paid.message().english())
        .isEqualTo("We received Tk 1,250.5 by bKash for order GT-1042.");
    assertThat(paid.message().bangla())
        .contains("অর্ডার GT-1042-এর জন্য bKash-এ ৳১,২৫০.৫ পাওয়া গেছে।");
  }

  @Test
  void numbersChooseTheirPluralAndUseBanglaDigits() {
    assertThat(
            DEFAULTS
                .render("cart_reminder", Map.of("items", number(1), "total", taka("499")))
                .message())
        .isEqualTo(
            LocalizedText.of(
                "1 item worth Tk 499 is still in your cart.",
                "আপনার কার্টে এখনও ৳৪৯৯ মূল্যের ১টি পণ্য আছে।"));
    assertThat(
            DEFAULTS
                .render("cart_reminder", Map.of("items", number(3), "total", taka("2499")))
                .message()
                .english())
        .isEqualTo("3 items worth Tk 2,499 are still in your cart.");
  }

  @Test
  void theOperatorsDirectoryAddsAndReplacesTemplates() throws IOException {
    write(
        "eid.properties",
        """
        eid_offer.params = percent:number
        eid_offer.title.en = Eid offer
        eid_offer.title.bn = ঈদ অফার
        eid_offer.message.en = {percent}% off everything
        eid_offer.message.bn = সব কিছুতে {percent}% ছাড়
        price_drop.params = product_name:text
        price_drop.title.en = Cheaper: {product_name}
        price_drop.title.bn = সস্তা: {product_name}
        price_drop.message.en = Have a look.
        price_drop.message.bn = দেখে নিন।
        """);

    IcuNotificationTemplates templates = IcuNotificationTemplates.load(Optional.of(dir));

    assertThat(templates.templates()).hasSize(10);
    assertThat(templates.render("eid_offer", Map.of("percent", number(20))).message())
        .isEqualTo(LocalizedText.of("20% off everything", "সব কিছুতে ২০% ছাড়"));
    assertThat(
            templates
                .render("price_drop", Map.of("product_name", new TemplateValue.Text("Jamdani")))
                .title()
                .english())
        .isEqualTo("Cheaper: Jamdani");
  }

  @Test
  void aTemplateNamingAnUnknownParameterFailsTheLoad() throws IOException {
    write(
        "bad.properties",
        """
        sale.params = name:text
        sale.title.en = {name}
        sale.title.bn = {name}
        sale.message.en = Ends at {ends_at}
        sale.message.bn = শেষ {ends_at}
        """);
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("template sale")
        .hasMessageContaining("message.en uses {ends_at}, not a parameter");
  }

  @Test
  void aTemplateMissingItsBanglaTextFailsTheLoad() throws IOException {
    write(
        "bad.properties",
        """
        sale.params = name:text
        sale.title.en = {name}
        sale.title.bn = {name}
        sale.message.en = On now
        """);
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("template sale")
        .hasMessageContaining("has no message.bn text");
  }

  @Test
  void aTemplateThatDoesNotRenderFailsTheLoad() throws IOException {
    // A plural over a text parameter parses, and fails only when rendered.
    write(
        "bad.properties",
        """
        sale.params = name:text
        sale.title.en = {name, plural, one {#} other {#}}
        sale.title.bn = {name}
        sale.message.en = On now
        sale.message.bn = চলছে
        """);
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("template sale")
        .hasMessageContaining("does not render");
  }

  @Test
  void otherMistakesAreNamedToo() throws IOException {
    write("a.properties", "sale.params = name:colour\n");
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .hasMessageContaining("parameter 'name:colour' is not name:type");

    write("a.properties", "sale.subtitle.en = x\n");
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .hasMessageContaining("sale.subtitle.en");

    write(
        "a.properties",
        "s.params = n:text\ns.title.en = {n}\ns.title.bn = x\ns.message.en = m\ns.message.bn = m\n");
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .hasMessageContaining("never uses {n} in bn");

    write(
        "a.properties",
        "s.params = n:text\ns.title.en = {n\ns.title.bn = {n}\ns.message.en = m\ns.message.bn = m\n");
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .hasMessageContaining("title.en is not a message pattern");

    String ok = "s.params =\ns.title.en = t\ns.title.bn = t\ns.message.en = m\ns.message.bn = m\n";
    write("a.properties", ok);
    write("b.properties", ok);
    assertThatThrownBy(() -> IcuNotificationTemplates.load(Optional.of(dir)))
        .hasMessageContaining("is defined in both");
  }

  @Test
  void renderingAnUnknownTemplateIsRefused() {
    assertThatThrownBy(() -> DEFAULTS.render("nope", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

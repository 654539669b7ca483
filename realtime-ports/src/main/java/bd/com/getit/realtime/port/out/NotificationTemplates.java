package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.RenderedNotification;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import java.util.List;
import java.util.Map;

/**
 * The server's notification templates (PROTOCOL 10.3): their parameters, and their texts rendered
 * in English and Bangla with each language's digits, taka amounts and Bangladesh time. An adapter
 * loads and checks every template when it is built, so that one that does not render fails the
 * start, never a send. Immutable once built: thread-safe, never blocks.
 */
public interface NotificationTemplates {

  /** No templates: every templated send is refused as an unknown template. */
  NotificationTemplates NONE =
      new NotificationTemplates() {
        @Override
        public List<NotificationTemplate> templates() {
          return List.of();
        }

        @Override
        public RenderedNotification render(String template, Map<String, TemplateValue> values) {
          throw new IllegalArgumentException("no template " + template);
        }
      };

  /** Every template, sorted by id. */
  List<NotificationTemplate> templates();

  /**
   * Renders one template.
   *
   * @param values one value of the parameter's type for every parameter the template declares, and
   *     no other: the caller has checked them against {@link #templates()}
   * @throws IllegalArgumentException for an unknown template or values that do not match it
   */
  RenderedNotification render(String template, Map<String, TemplateValue> values);
}

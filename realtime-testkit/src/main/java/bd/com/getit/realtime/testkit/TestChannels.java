package bd.com.getit.realtime.testkit;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;

/** The channels of a test, by what they are about: {@code TestChannels.product()}. */
public final class TestChannels {

  private TestChannels() {}

  /** The default product page channel, {@code product:prod-1}. */
  public static ChannelName product() {
    return product("prod-1");
  }

  public static ChannelName product(String productId) {
    return new ChannelName(ChannelType.PRODUCT, productId);
  }

  /** The default auction channel, {@code auction:auction-1}. */
  public static ChannelName auction() {
    return new ChannelName(ChannelType.AUCTION, "auction-1");
  }

  /** The default order channel, {@code order:order-1}. */
  public static ChannelName order() {
    return order("order-1");
  }

  public static ChannelName order(String orderId) {
    return new ChannelName(ChannelType.ORDER, orderId);
  }

  /** A user's private channel. */
  public static ChannelName user(UserId user) {
    return ChannelName.user(user);
  }

  /** A chat room's channel. */
  public static ChannelName chat(RoomId room) {
    return ChannelName.chat(room);
  }

  /** A vendor's channel. */
  public static ChannelName vendor(VendorId vendor) {
    return new ChannelName(ChannelType.VENDOR, vendor.value());
  }

  /** The system announcements channel every connection joins. */
  public static ChannelName announcements() {
    return ChannelName.ANNOUNCEMENTS;
  }

  /** The staff presence dashboard channel. */
  public static ChannelName adminPresence() {
    return ChannelName.ADMIN_PRESENCE;
  }
}

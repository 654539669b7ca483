package bd.com.getit.realtime.domain;

/** The id of a vendor (the JWT {@code vendor_id} claim). */
public record VendorId(String value) {
  public VendorId {
    Ids.require(value, "vendor id");
  }

  public static VendorId of(String value) {
    return new VendorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

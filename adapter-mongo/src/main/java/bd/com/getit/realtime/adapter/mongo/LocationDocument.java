package bd.com.getit.realtime.adapter.mongo;

import org.bson.Document;

/**
 * A {@code location} sub-document. {@code coordinates} is written as null: the domain's location is
 * a division and district only, so no coordinates are known yet.
 */
record LocationDocument(String division, String district) {

  Document toBson() {
    return new Document("division", division)
        .append("district", district)
        .append("coordinates", null);
  }

  static LocationDocument fromBson(Document d) {
    return d == null
        ? null
        : new LocationDocument(Fields.text(d, "division"), Fields.optionalText(d, "district"));
  }
}

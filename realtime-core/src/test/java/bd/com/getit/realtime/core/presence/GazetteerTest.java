package bd.com.getit.realtime.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.Place;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {
  private static final Gazetteer BD = Gazetteer.bangladesh();

  private static Place place(String division) {
    return BD.place(Location.of(division, null));
  }

  private static Place place(String division, String district) {
    return BD.place(Location.of(division, district));
  }

  @Test
  void bangladeshHasEightDivisionsAndSixtyFourDistricts() {
    assertThat(BD.divisions())
        .extracting(PlaceName::english)
        .containsExactly(
            "Dhaka",
            "Chattogram",
            "Rajshahi",
            "Khulna",
            "Barishal",
            "Sylhet",
            "Rangpur",
            "Mymensingh");
    assertThat(BD.districts()).hasSize(64);
    assertThat(BD.districts().stream().map(PlaceName::english).collect(Collectors.toSet()))
        .hasSize(64);
    Set<String> divisions =
        BD.divisions().stream().map(PlaceName::english).collect(Collectors.toSet());
    assertThat(BD.districts())
        .allSatisfy(d -> assertThat(divisions).contains(d.division().orElseThrow()));
    assertThat(
            BD.districts().stream()
                .collect(Collectors.groupingBy(d -> d.division().get(), Collectors.counting())))
        .containsEntry("Dhaka", 13L)
        .containsEntry("Chattogram", 11L)
        .containsEntry("Rajshahi", 8L)
        .containsEntry("Khulna", 10L)
        .containsEntry("Barishal", 6L)
        .containsEntry("Sylhet", 4L)
        .containsEntry("Rangpur", 8L)
        .containsEntry("Mymensingh", 4L);
  }

  @Test
  void everyDivisionIsFoundByItsEnglishAndItsBanglaName() {
    for (PlaceName division : BD.divisions()) {
      Place expected = Place.of(division.english());
      assertThat(place(division.english())).as(division.english()).isEqualTo(expected);
      assertThat(place(division.bangla())).as(division.bangla()).isEqualTo(expected);
      assertThat(place(division.english().toUpperCase(java.util.Locale.ROOT))).isEqualTo(expected);
    }
  }

  @Test
  void everyDistrictIsFoundByItsEnglishAndItsBanglaNameWithItsDivision() {
    for (PlaceName district : BD.districts()) {
      Place expected = Place.of(district.division().orElseThrow(), district.english());
      assertThat(place(district.division().get(), district.english()))
          .as(district.english())
          .isEqualTo(expected);
      assertThat(place(district.division().get(), district.bangla()))
          .as(district.bangla())
          .isEqualTo(expected);
      for (String variant : district.variants()) {
        assertThat(place("somewhere", variant)).as(variant).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0} / {1} is {2} / {3}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        "Dhaka; -; Dhaka; -",
        "dhaka; -; Dhaka; -",
        "ঢাকা; -; Dhaka; -",
        "  DHAKA  ; -; Dhaka; -",
        "Dhaka Division; -; Dhaka; -",
        "ঢাকা বিভাগ; -; Dhaka; -",
        "Dacca; -; Dhaka; -",
        "Chittagong; -; Chattogram; -",
        "Chattogram; -; Chattogram; -",
        "চট্টগ্রাম; -; Chattogram; -",
        "Barisal; -; Barishal; -",
        "Barishal; -; Barishal; -",
        "বরিশাল; -; Barishal; -",
        "Chittagong; Comilla; Chattogram; Cumilla",
        "Chattogram; Cumilla; Chattogram; Cumilla",
        "চট্টগ্রাম; কুমিল্লা; Chattogram; Cumilla",
        "Khulna; Jessore; Khulna; Jashore",
        "Khulna; Jashore; Khulna; Jashore",
        "খুলনা; যশোর; Khulna; Jashore",
        "Rajshahi; Bogra; Rajshahi; Bogura",
        "Rajshahi; Bogura; Rajshahi; Bogura",
        "রাজশাহী; বগুড়া; Rajshahi; Bogura",
        "Chattogram; cox's bazar; Chattogram; Cox's Bazar",
        "Chattogram; Cox’s Bazar; Chattogram; Cox's Bazar",
        "Chattogram; কক্স বাজার; Chattogram; Cox's Bazar",
        "Rajshahi; Chapainawabganj; Rajshahi; Chapai Nawabganj",
        "Sylhet; Moulvi Bazar; Sylhet; Moulvibazar",
        "Dhaka; Gazipur District; Dhaka; Gazipur",
        "Dhaka; গাজীপুর জেলা; Dhaka; Gazipur",
        "Gazipur; -; Dhaka; Gazipur",
        "Jessore; -; Khulna; Jashore",
        "Khulna; Gazipur; Dhaka; Gazipur",
        "Dhaka; Dhanmondi; Dhaka; -",
        "Narnia; -; Other; -",
        "Narnia; Cair Paravel; Other; -"
      })
  void spellingsAndVariantsResolveToCanonicalNames(
      String division, String district, String expectedDivision, String expectedDistrict) {
    assertThat(place(division, district))
        .isEqualTo(new Place(expectedDivision, Optional.ofNullable(expectedDistrict)));
  }

  @Test
  void aBanglaLetterWithNuktaMatchesPrecomposedOrDecomposed() {
    // ড় typed as one code point (U+09DC) or as ড plus nukta (U+09A1 U+09BC); য় likewise.
    assertThat(place("\u09AC\u0997\u09C1\u09DC\u09BE")).isEqualTo(Place.of("Rajshahi", "Bogura"));
    assertThat(place("\u09AC\u0997\u09C1\u09A1\u09BC\u09BE"))
        .isEqualTo(Place.of("Rajshahi", "Bogura"));
    assertThat(place("\u09AE\u09DF\u09AE\u09A8\u09B8\u09BF\u0982\u09B9"))
        .isEqualTo(Place.of("Mymensingh"));
    assertThat(place("\u09AE\u09AF\u09BC\u09AE\u09A8\u09B8\u09BF\u0982\u09B9"))
        .isEqualTo(Place.of("Mymensingh"));
  }

  @Test
  void badDataIsRefusedNamingTheLineOrTheSpelling() {
    assertThatThrownBy(() -> Gazetteer.parse(List.of("division | Dhaka | ঢাকা |")))
        .hasMessageContaining("line 1")
        .hasMessageContaining("5 fields");
    assertThatThrownBy(() -> Gazetteer.parse(List.of("# c", "county | Kent | কেন্ট | |")))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> Gazetteer.parse(List.of("district | Gazipur | গাজীপুর | |")))
        .hasMessageContaining("line 1")
        .hasMessageContaining("names its division");
    assertThatThrownBy(() -> Gazetteer.parse(List.of("district | Gazipur | গাজীপুর | Atlantis |")))
        .hasMessageContaining("unknown division");
    assertThatThrownBy(
            () ->
                Gazetteer.parse(
                    List.of(
                        "division | Dhaka | ঢাকা | |",
                        "district | Gazipur | গাজীপুর | Dhaka | Tongi",
                        "district | Tangail | টাঙ্গাইল | Dhaka | tongi")))
        .hasMessageContaining("'tongi' names both Gazipur and Tangail");
  }

  @Test
  void theSameSpellingMayNameADivisionAndADistrict() {
    assertThat(BD.division("Rangpur")).map(PlaceName::kind).contains(PlaceName.Kind.DIVISION);
    assertThat(BD.district("Rangpur")).map(PlaceName::kind).contains(PlaceName.Kind.DISTRICT);
  }
}

package bd.com.getit.realtime.bench;

public final class Floor {
  private Floor() {}

  public static void main(String[] args) {}
}

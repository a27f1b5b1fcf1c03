package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

/**
 * Where a client address is: its country and, when known, its coordinates.
 *
 * @param country the ISO 3166 alpha-2 country code
 * @param latitude the latitude in degrees, or NaN if unknown
 * @param longitude the longitude in degrees, or NaN if unknown
 */
public record Location(String country, double latitude, double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /**
   * Checks the components.
   *
   * @param country the country code
   * @param latitude the latitude, or NaN
   * @param longitude the longitude, or NaN
   * @throws IllegalArgumentException if a coordinate is out of range or only one is known
   */
  public Location {
    requireNonNull(country, "country");
    if (Double.isNaN(latitude) != Double.isNaN(longitude)) {
      throw new IllegalArgumentException("latitude and longitude must both be known or unknown");
    }
    if (Math.abs(latitude) > 90) {
      throw new IllegalArgumentException("latitude " + latitude + " is not in -90..90");
    }
    if (Math.abs(longitude) > 180) {
      throw new IllegalArgumentException("longitude " + longitude + " is not in -180..180");
    }
  }

  /**
   * {@return a location known only by its country}
   *
   * @param country the ISO 3166 alpha-2 country code
   */
  public static Location ofCountry(String country) {
    return new Location(country, Double.NaN, Double.NaN);
  }

  /** {@return whether the coordinates are known} */
  public boolean hasCoordinates() {
    return !Double.isNaN(latitude);
  }

  /**
   * Returns the great-circle distance to {@code other} in kilometres, or NaN if either has no
   * coordinates.
   *
   * @param other the other location
   * @return the great-circle distance to {@code other} in kilometres, or NaN
   */
  public double distanceKm(Location other) {
    double phi1 = Math.toRadians(latitude);
    double phi2 = Math.toRadians(other.latitude);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(other.longitude - longitude);
    double h =
        Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
            + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}

using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class GeoPointTests
{
    [Theory]
    [InlineData("56.90544", "24.05113")]
    [InlineData("56,90544", "24,05113")]
    [InlineData(" 56.905441 ", "24.051129")]
    public void A_point_in_Latvia_is_read_with_either_decimal_mark_and_rounded_to_five_places(string lat, string lon)
    {
        Assert.Null(GeoPoint.Read(lat, lon, out var point));
        Assert.Equal(new GeoPoint(56.90544m, 24.05113m), point);
        Assert.Equal("56.90544", point!.Value.LatitudeText);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", null)]
    [InlineData("56.9", "", GeoPointProblem.HalfGiven)]
    [InlineData(null, "24.1", GeoPointProblem.HalfGiven)]
    [InlineData("ziemeļi", "24.1", GeoPointProblem.NotANumber)]
    [InlineData("56.9", "1e2", GeoPointProblem.NotANumber)]
    [InlineData("24.05113", "56.90544", GeoPointProblem.OutsideLatvia)]
    [InlineData("-56.9", "24.1", GeoPointProblem.OutsideLatvia)]
    [InlineData("59.4", "24.7", GeoPointProblem.OutsideLatvia)]
    public void Empty_half_unreadable_and_foreign_points_are_told_apart(string? lat, string? lon, GeoPointProblem? expected)
    {
        Assert.Equal(expected, GeoPoint.Read(lat, lon, out var point));
        Assert.Null(point);
    }
}

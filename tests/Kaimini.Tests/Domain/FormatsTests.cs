using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class FormatsTests
{
    [Theory]
    [InlineData("40003123453", "40003123453")]
    [InlineData("40003 123453", "40003123453")]
    [InlineData(" 40003-123-453 ", "40003123453")]
    [InlineData("50008.123456", "50008123456")]
    [InlineData("90000012345", "90000012345")]
    public void Registration_numbers_are_stored_as_eleven_digits(string typed, string stored) =>
        Assert.Equal(stored, Formats.NormalizeRegistrationNumber(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("30003123453")]
    [InlineData("4000312345")]
    [InlineData("400031234531")]
    [InlineData("4000312345A")]
    [InlineData("LV40003123453")]
    public void Anything_else_is_not_a_registration_number(string? typed) =>
        Assert.Null(Formats.NormalizeRegistrationNumber(typed));

    [Theory]
    [InlineData("40003123453", true)]
    [InlineData("40003123454", false)]
    [InlineData("4000312345", false)]
    public void The_registration_checksum_is_weighted_modulo_eleven(string number, bool holds) =>
        Assert.Equal(holds, Formats.RegistrationChecksumHolds(number));

    [Theory]
    [InlineData("+371 29 123 456", "+37129123456")]
    [InlineData("0037129123456", "+37129123456")]
    [InlineData("29-123-456", "+37129123456")]
    [InlineData("(+371) 29123456", "+37129123456")]
    [InlineData("67 123 456", "+37167123456")]
    public void Latvian_phone_numbers_are_stored_in_E164(string typed, string stored) =>
        Assert.Equal(stored, Formats.NormalizePhone(typed));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("39123456")]
    [InlineData("2912345")]
    [InlineData("291234567")]
    [InlineData("+372 5123 4567")]
    [InlineData("29 12a 456")]
    public void Anything_else_is_not_a_Latvian_phone_number(string? typed) =>
        Assert.Null(Formats.NormalizePhone(typed));

    [Theory]
    [InlineData("+37129123456", "+371 29 123 456")]
    [InlineData("+3712912345", "+3712912345")]
    public void Phone_numbers_are_shown_in_groups(string stored, string shown) =>
        Assert.Equal(shown, Formats.DisplayPhone(stored));

    [Theory]
    [InlineData("LV-2107", "LV-2107")]
    [InlineData("LV 2107", "LV-2107")]
    [InlineData("lv2107", "LV-2107")]
    [InlineData("2107", "LV-2107")]
    [InlineData(" LV-1050 ", "LV-1050")]
    public void Postal_codes_are_stored_as_LV_and_four_digits(string typed, string stored) =>
        Assert.Equal(stored, Formats.NormalizePostalCode(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LV-0999")]
    [InlineData("LV-6000")]
    [InlineData("LV-21070")]
    [InlineData("EE-2107")]
    [InlineData("LV--2107")]
    public void Anything_else_is_not_a_Latvian_postal_code(string? typed) =>
        Assert.Null(Formats.NormalizePostalCode(typed));
}

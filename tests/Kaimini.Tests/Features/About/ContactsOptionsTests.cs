using Kaimini.Web.Features.Shared;

namespace Kaimini.Tests.Features.About;

public class ContactsOptionsTests
{
    private static ContactsOptions Valid() => new()
    {
        Partnerships =
        [
            new() { Name = "Pierīgas partnerība", Website = "https://www.pierigaspartneriba.lv", Phone = "+371 67 000 123" },
            new() { Name = "Partnerība Daugavkrasts", Email = "info@daugavkrasts.test" },
        ],
    };

    [Fact]
    public void Contacts_with_only_names_or_well_formed_details_are_valid()
    {
        Assert.True(Valid().IsValid(out var error), error);
        Assert.Equal("+37167000123", Valid().Partnerships[0].PhoneE164);
    }

    [Theory]
    [InlineData("Phone", "12345", "Contacts:Partnerships:1:Phone")]
    [InlineData("Email", "nav adrese", "Contacts:Partnerships:1:Email")]
    [InlineData("Email", "Birojs <info@daugavkrasts.test>", "Contacts:Partnerships:1:Email")]
    [InlineData("Website", "ftp://daugavkrasts.lv", "Contacts:Partnerships:1:Website")]
    [InlineData("RegistrationNumber", "123", "Contacts:Partnerships:1:RegistrationNumber")]
    [InlineData("Name", " ", "Contacts:Partnerships:1:Name")]
    public void A_malformed_detail_is_refused_naming_its_key(string field, string value, string key)
    {
        var options = Valid();
        typeof(PartnershipContact).GetProperty(field)!.SetValue(options.Partnerships[1], value);

        Assert.False(options.IsValid(out var error));
        Assert.StartsWith(key, error);
    }

    [Fact]
    public void The_notices_need_at_least_one_partnership_and_a_well_formed_accessibility_address()
    {
        Assert.False(new ContactsOptions().IsValid(out var none));
        Assert.StartsWith("Contacts:Partnerships", none);
        var options = Valid();
        options.AccessibilityEmail = "pieejamiba";
        Assert.False(options.IsValid(out var error));
        Assert.StartsWith("Contacts:AccessibilityEmail", error);
    }
}

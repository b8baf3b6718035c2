using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Tests.Domain;

public class DeletedPersonTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_anonymised_registration_keeps_nothing_that_names_the_person()
    {
        var registration = new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            Name = "Anna Bērziņa",
            Email = "anna@example.lv",
            AccessibilityNeeds = "Ratiņkrēsls",
            ListConsent = true,
            UserId = "user-1",
            ManageTokenHash = "token",
            PersonHash = "person",
        };

        Assert.False(registration.IsAnonymised);
        registration.Anonymise(Now);

        Assert.True(registration.IsAnonymised);
        Assert.Equal(DeletedPerson.Name, registration.Name);
        Assert.True(DeletedPerson.IsAddress(registration.Email));
        Assert.Equal(DeletedPerson.AnonymisedAddress(registration.Id), registration.Email);
        Assert.Null(registration.AccessibilityNeeds);
        Assert.False(registration.ListConsent);
        Assert.Null(registration.UserId);
        Assert.Equal("person", registration.PersonHash);
        Assert.Equal(Now, registration.AnonymisedAt);
    }

    [Theory]
    [InlineData(RegistrationStatus.Waitlisted, RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.Confirmed, RegistrationStatus.Confirmed)]
    [InlineData(RegistrationStatus.Cancelled, RegistrationStatus.Cancelled)]
    public void A_deleted_account_gives_up_its_waiting_places_and_keeps_the_others_anonymised(RegistrationStatus before, RegistrationStatus after)
    {
        var registration = new EventRegistration
        {
            Id = Guid.CreateVersion7(),
            Name = "Anna Bērziņa",
            Email = "anna@example.lv",
            UserId = "user-1",
            Status = before,
            ManageTokenHash = "token",
            PersonHash = "person",
        };

        registration.AnonymiseForDeletedAccount(Now);

        Assert.Equal(after, registration.Status);
        Assert.Equal(before == RegistrationStatus.Waitlisted ? Now : null, registration.CancelledAt);
        Assert.True(registration.IsAnonymised);
        Assert.Equal(DeletedPerson.Name, registration.Name);
        Assert.Null(registration.UserId);
    }

    [Fact]
    public void Addresses_left_in_place_of_people_are_unique_and_never_delivered()
    {
        var one = DeletedPerson.AnonymisedAddress(Guid.CreateVersion7());
        var other = DeletedPerson.AnonymisedAddress(Guid.CreateVersion7());
        var walkIn = EventRegistration.NewWalkIn(1, ParticipantType.Resident, 5, null, Now).Email;

        Assert.NotEqual(one, other);
        Assert.All([one, other, walkIn], a => Assert.True(DeletedPerson.IsAddress(a)));
        Assert.All([one, other, walkIn], a => Assert.True(Mailer.IsUndeliverable(a)));
    }

    [Theory]
    [InlineData("anna@example.lv", false)]
    [InlineData("invalid@example.lv", false)]
    [InlineData("deleted-42@invalid", true)]
    [InlineData("anonymised-0190a1b2c3d4e5f60718293a4b5c6d7e@INVALID", true)]
    public void A_deleted_person_s_address_is_recognised(string email, bool deleted) =>
        Assert.Equal(deleted, DeletedPerson.IsAddress(email));
}

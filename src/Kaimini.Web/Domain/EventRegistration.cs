namespace Kaimini.Web.Domain;

public enum RegistrationStatus
{
    Confirmed = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

public enum ParticipantType
{
    Resident = 1,
    NgoRepresentative = 2,
    MunicipalityStaff = 3,

    /// <summary>None of the above: a guest, a speaker, someone from a business or another body.</summary>
    Other = 4,
}

public static class ParticipantTypes
{
    /// <summary>The sides an event may keep places for (study trips): NGOs and the municipality.</summary>
    public static bool HasKeptPlaces(this ParticipantType type) => type is ParticipantType.NgoRepresentative or ParticipantType.MunicipalityStaff;
}

/// <summary>One person's sign-up for an event, with or without an account, or a person an organiser
/// added at the door (<see cref="WalkIn"/>). The personal manage link is a random token of which only
/// the SHA-256 is stored.</summary>
public class EventRegistration
{
    public Guid Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lowercased; one registration per address and event. Anonymised registrations and
    /// walk-ins carry an address of their own under the reserved <c>.invalid</c> domain, to which
    /// nothing is ever mailed.</summary>
    public required string Email { get; set; }

    public ParticipantType ParticipantType { get; set; }
    public int? TerritoryId { get; set; }

    /// <summary>The community an NGO representative comes from: one they belong to in the directory
    /// (signed in), or its name as typed (without an account).</summary>
    public int? CommunityId { get; set; }

    public string? CommunityName { get; set; }
    public string? AccessibilityNeeds { get; set; }

    /// <summary>Agreed to appear on the public attendee list (unticked by default). The name is shown
    /// only once <see cref="EmailConfirmedAt"/> is set too.</summary>
    public bool ListConsent { get; set; }

    /// <summary>When the address was shown to be the person's: signed up signed in with their own
    /// account's address, or confirmed through the manage link from the e-mail. Until then anyone
    /// may have typed it, so the name is not listed publicly.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; set; }

    /// <summary>May take the places kept for <see cref="ParticipantType"/> (NGO representatives,
    /// municipality staff): a signed-in member of a community in the directory or a MunicipalityStaff
    /// account, someone an organiser invited for that quota, or someone an organiser approved from
    /// the list. Without it the sign-up takes only free places, like a resident's.</summary>
    public bool QuotaApproved { get; set; }

    /// <summary>The side whose places this sign-up counts against.</summary>
    public ParticipantType PlaceType => QuotaApproved ? ParticipantType : ParticipantType.Resident;

    public string Culture { get; set; } = "lv";
    public RegistrationStatus Status { get; set; }
    public required string ManageTokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the reminder before the event was queued.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>Marked at the door on the check-in page.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>When the name, address and needs were removed (account deletion, the person's own
    /// request through the manage link, or the retention job). Nothing is mailed to it after that.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Nobody is behind the registration any more (queries test <see cref="AnonymisedAt"/> themselves).</summary>
    public bool IsAnonymised => AnonymisedAt is not null;

    /// <summary>Who the person is for reports, set when the registration is made: the HMAC-SHA256 of
    /// the normalised address (<c>PersonHasher</c>), so the same address is the same person at every
    /// event, before and after anonymisation; for a walk-in a random value (one person nobody can
    /// recognise again). Kept when the address goes.</summary>
    public required string PersonHash { get; set; }

    /// <summary>Came without signing up and was added by an organiser on the check-in page: confirmed
    /// and checked in at once, with no address. Counts as an attendance, never as a registration made
    /// beforehand, takes no place, gets no mail and is never listed publicly.</summary>
    public bool WalkIn { get; set; }

    /// <summary>Someone who came without signing up: only the participant type and home territory
    /// (the name is optional).</summary>
    public static EventRegistration NewWalkIn(int eventId, ParticipantType type, int territoryId, string? name, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new EventRegistration
        {
            Id = id,
            EventId = eventId,
            Name = string.IsNullOrWhiteSpace(name) ? "" : name.Trim(),
            Email = DeletedPerson.WalkInAddress(id),
            PersonHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ParticipantType = type,
            TerritoryId = territoryId,
            WalkIn = true,
            Status = RegistrationStatus.Confirmed,
            // No manage link exists: the hash of a token nobody was given.
            ManageTokenHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            CreatedAt = now,
            CheckedInAt = now,
        };
    }

    /// <summary>The person's account is deleted: the registration keeps its place in the counts but
    /// loses everything that names them. A place on the waiting list can no longer be offered to
    /// anyone, so it is given up first.</summary>
    public void AnonymiseForDeletedAccount(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Waitlisted)
        {
            Status = RegistrationStatus.Cancelled;
            CancelledAt = now;
        }

        Anonymise(now);
    }

    /// <summary>Removes what names the person; keeps type, home territory, attendance and the hash.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        Name = DeletedPerson.Name;
        Email = DeletedPerson.AnonymisedAddress(Id);
        AccessibilityNeeds = null;
        ListConsent = false;
        UserId = null;
        AnonymisedAt = now;
    }
}

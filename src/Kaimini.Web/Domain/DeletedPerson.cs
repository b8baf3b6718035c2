namespace Kaimini.Web.Domain;

/// <summary>What stands in a record for a person who is gone (an account deleted, a registration
/// anonymised): a dash for the name, and an address of its own under the reserved top-level domain
/// <c>invalid</c> (RFC 2606), unique so that unique indexes hold, and never delivered.</summary>
public static class DeletedPerson
{
    /// <summary>The name left in place of a deleted person's.</summary>
    public const string Name = "—";

    /// <summary>How every address left in place of a person's ends (walk-ins, who gave none, too; the
    /// account deletion writes "deleted-{idea id}" before it on the person's ideas, in SQL).</summary>
    public const string AddressSuffix = "@invalid";

    public static string AnonymisedAddress(Guid registrationId) => $"anonymised-{registrationId:N}{AddressSuffix}";

    public static string WalkInAddress(Guid registrationId) => $"walk-in-{registrationId:N}{AddressSuffix}";

    /// <summary>An address left in place of a person's: nobody is behind it.</summary>
    public static bool IsAddress(string email) => email.EndsWith(AddressSuffix, StringComparison.OrdinalIgnoreCase);
}

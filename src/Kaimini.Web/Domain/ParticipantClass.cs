namespace Kaimini.Web.Domain;

/// <summary>Who a participant is, for reports. Municipality staff come first, then community leaders
/// (the account leads a community in the directory), then what the person said when signing up.</summary>
public enum ParticipantClass
{
    Resident = 1,
    NgoRepresentative = 2,
    Leader = 3,
    MunicipalityStaff = 4,

    /// <summary>Signed up as "other" (a guest, a speaker, a business).</summary>
    Other = 5,
}

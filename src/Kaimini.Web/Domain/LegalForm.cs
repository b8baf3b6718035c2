namespace Kaimini.Web.Domain;

public enum LegalForm
{
    /// <summary>biedrība</summary>
    Association = 1,

    /// <summary>nodibinājums</summary>
    Foundation = 2,

    /// <summary>neformāla iedzīvotāju grupa: no registration number</summary>
    InformalGroup = 3,

    Other = 4,
}

public static class LegalForms
{
    /// <summary>Registered forms have a number in the Register of Enterprises.</summary>
    public static bool IsRegistered(this LegalForm form) => form is LegalForm.Association or LegalForm.Foundation;
}

namespace Kaimini.Web.Domain;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Organiser = nameof(Organiser);
    public const string Leader = nameof(Leader);
    public const string MunicipalityStaff = nameof(MunicipalityStaff);

    public static readonly IReadOnlyList<string> All = [Administrator, Organiser, Leader, MunicipalityStaff];
}

namespace Kaimini.Web.Domain;

public enum CommunityStatus
{
    Pending = 1,
    Published = 2,
    Rejected = 3,
    Archived = 4,
}

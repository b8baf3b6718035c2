using Kaimini.Web.Data;

namespace Kaimini.Web.Features.Communities;

public sealed record CommunityFormViewModel(CommunityForm Form, ReferenceData Reference, string? Slug, bool ConfirmDuplicate)
{
    public bool IsNew => Slug is null;
}

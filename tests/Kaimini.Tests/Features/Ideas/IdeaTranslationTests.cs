using System.Xml.Linq;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>Keys the idea pages build at run time from enum values ("IdeaResponse.Declined"), which
/// the scan for literal keys cannot see.</summary>
public class IdeaTranslationTests
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public void Every_enum_value_the_idea_pages_name_has_a_translation(string culture)
    {
        var known = XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var keys = Enum.GetNames<IdeaKind>().SelectMany(k => new[] { $"IdeaKind.{k}", $"Ideas.KindHint.{k}" })
            .Concat(Enum.GetNames<IdeaAddressee>().Select(a => $"IdeaAddressee.{a}"))
            .Concat(Enum.GetNames<IdeaResponse>().Select(r => $"IdeaResponse.{r}"))
            .Concat(Enum.GetNames<IdeaStatus>().Select(s => $"IdeaStatus.{s}"))
            .Concat(Enum.GetValues<IdeaResponse>().Where(r => r != IdeaResponse.None).Select(r => $"Email.IdeaAnswer.Status.{r}"))
            .Concat(new[] { IdeaHistoryKind.Submitted, IdeaHistoryKind.Published, IdeaHistoryKind.Hidden, IdeaHistoryKind.Restored }
                .Select(h => $"IdeaHistory.{h}"));

        Assert.DoesNotContain(keys, k => !known.Contains(k));
    }
}

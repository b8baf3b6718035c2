using Microsoft.Playwright;

namespace Kaimini.Tests.Infrastructure.Browsing;

/// <summary>Layout checks a person would notice: something wider than the screen (the page scrolls
/// sideways), or a word split across two lines.</summary>
public static class Layout
{
    /// <summary>Visible elements whose box reaches past the viewport's right edge (not counting those
    /// inside a box that scrolls or clips them, such as a wide table's .table-responsive), described
    /// for the failure message; empty when everything fits.</summary>
    public static Task<string[]> WiderThanViewportAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
              return [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && !clipped(e); })
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
            }
            """);

    /// <summary>Words in the element's text that start on one line and end on another, as
    /// "word (in …)"; empty when every word is whole. A word's box is one line high unless split.
    /// A line may end after a hyphen ("Kalniņa-" / "Bērziņa"), as in print: the parts are the words.</summary>
    public static Task<string[]> SplitWordsAsync(ILocator element) =>
        element.EvaluateAsync<string[]>("""
            root => {
              const split = [];
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const range = document.createRange();
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement.getClientRects().length) continue;
                for (const m of node.textContent.matchAll(/[^\s\-\u2010]+/g)) {
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) split.push(`${m[0]} (in ${node.parentElement.tagName.toLowerCase()})`);
                }
              }
              return split;
            }
            """);
}

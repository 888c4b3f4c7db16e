using System.Text;
using System.Text.Json;

namespace Trade4Msmes.EndToEnd.Infrastructure;

// axe-core, run in the page, against WCAG 2.1 A and AA plus axe's best practices.
// The browser context must bypass the app's Content-Security-Policy, which forbids the injected script.
public static class Accessibility
{
    const string RunAxe = """
        async () => {
            const results = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }
        """;

    // One readable line per violation, with the elements it concerns; empty when the page passes.
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string axeSource)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = axeSource });
        }
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        var lines = new List<string>();
        foreach (var v in violations.EnumerateArray())
        {
            var line = new StringBuilder()
                .Append(v.GetProperty("id").GetString()).Append(" (").Append(v.GetProperty("impact").GetString()).Append("): ")
                .Append(v.GetProperty("help").GetString()).Append(" <").Append(v.GetProperty("helpUrl").GetString()).Append('>');
            foreach (var target in v.GetProperty("targets").EnumerateArray().Take(10))
            {
                line.Append("\n      at ").Append(target.GetString());
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    public static async Task AssertNoViolationsAsync(IPage page, string axeSource)
    {
        var violations = await ViolationsAsync(page, axeSource);
        if (violations.Count > 0)
        {
            Assert.Fail($"axe-core found {violations.Count} accessibility violation(s) on {page.Url}:\n  " + string.Join("\n  ", violations));
        }
    }
}

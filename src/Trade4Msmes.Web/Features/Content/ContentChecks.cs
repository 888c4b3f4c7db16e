using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Web.Features.Content;

// What must hold of the content before it is shown: the tests check the shipped files with it, and an editor's
// correction is refused if it would add a problem. Each problem names its file.
public static class ContentChecks
{
    static readonly string[] Collections = ["roadmap", "guides", "assessments", "news", "glossary"];
    static readonly string[] StructuralKeys = ["track", "topic", "tools", "assessment", "kind", "date"];

    public static List<string> Problems(ContentStore store)
    {
        var glossary = new Glossary(store);
        var markdown = new ContentMarkdown(store, glossary);
        var problems = store.Untranslatable.Select(u => $"{u}: there is no English text to translate").ToList();
        foreach (var entry in Collections.SelectMany(store.Collection))
        {
            foreach (var file in entry.Translations)
            {
                var name = $"{entry.Collection}/{entry.Slug}.{file.Lang}";
                if (!file.Meta.ContainsKey("title") || file.Summary.Length == 0)
                {
                    problems.Add($"{name}: the front matter needs a title and a summary");
                }
                problems.AddRange(StructuralKeys.Where(k => file.Meta.ContainsKey(k) && file.Meta[k] != entry.Meta(k))
                    .Select(k => $"{name}: \"{k}\" must be \"{entry.Meta(k)}\", as in English"));
                problems.AddRange(markdown.BrokenLinks(file.Body).Select(link => $"{name}: the link \"{link}\" leads nowhere"));
            }
            problems.AddRange(entry.List("tools").Where(t => ContentMarkdown.Tool(t) is null).Select(t => $"{entry.Collection}/{entry.Slug}: there is no tool \"{t}\""));
            if (entry.Collection == "roadmap" && (entry.Meta("track") is not ("goods" or "services" or "both") || LibraryCatalog.TopicNames.All(t => t.Value != entry.Meta("topic"))))
            {
                problems.Add($"roadmap/{entry.Slug}: track must be goods, services or both, and topic one of the library's topics");
            }
            if (entry.Collection == "assessments")
            {
                problems.AddRange(QuestionnaireProblems(entry));
            }
        }
        if (glossary.Entry is { } terms)
        {
            var english = glossary.Terms(Languages.Default).Select(t => t.Id).ToList();
            problems.AddRange(english.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"glossary: the term id \"{g.Key}\" is used twice"));
            foreach (var lang in Languages.Supported.Where(l => l != Languages.Default && terms.IsTranslated(l)))
            {
                var translated = glossary.Terms(lang).Select(t => t.Id).ToList();
                problems.AddRange(translated.Except(english).Select(id => $"glossary.{lang}: the term id \"{id}\" is not in the English glossary"));
            }
        }
        return problems;
    }

    static IEnumerable<string> QuestionnaireProblems(ContentEntry entry)
    {
        var english = Questionnaire.Parse(entry.English);
        if (english.Questions.Count == 0 || english.Questions.Any(q => q.Answers.Count < 2 || q.Answers.Any(a => a.Feedback.Length == 0)))
        {
            yield return $"assessments/{entry.Slug}: every question needs two answers or more, each with its feedback";
        }
        if (Enumerable.Range(0, 101).Any(score => english.Results.Count(r => score >= r.From && score <= r.To) != 1))
        {
            yield return $"assessments/{entry.Slug}: the result bands must cover every score from 0 to 100 once";
        }
        static string Shape(Questionnaire q) =>
            string.Join(";", q.Questions.Select(x => $"{x.Id}:{string.Join(",", x.Answers.Select(a => a.Points))}"))
            + "|" + string.Join(";", q.Results.Select(r => $"{r.From}-{r.To}"));
        foreach (var file in entry.Translations.Where(f => f.Lang != Languages.Default))
        {
            if (Shape(Questionnaire.Parse(file)) != Shape(english))
            {
                yield return $"assessments/{entry.Slug}.{file.Lang}: the questions, answers, points and result bands must be those of the English text";
            }
        }
    }
}

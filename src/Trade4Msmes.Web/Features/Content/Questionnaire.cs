using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Trade4Msmes.Web.Features.Content;

public sealed record Answer(int Points, string Label, string Feedback);

public sealed record Question(string Id, string Text, string Explanation, IReadOnlyList<Answer> Answers)
{
    public int MostPoints => Answers.Max(a => a.Points);
}

public sealed record ResultBand(string Id, int From, int To, string Markdown);

// A self-assessment or the Trade Game, read from its Markdown (docs/content-authoring.md): "## question {#id}"
// headings, "- [points] label | feedback" answers and "## Result A-B {#id}" bands. The score is the share of
// the most points that could be won, in whole percent.
public sealed partial record Questionnaire(string Kind, string Intro, IReadOnlyList<Question> Questions, IReadOnlyList<ResultBand> Results)
{
    public bool IsGame => Kind == "game";

    public int Score(IReadOnlyList<int> chosen)
    {
        var most = Questions.Sum(q => q.MostPoints);
        var won = Questions.Zip(chosen).Sum(p => p.First.Answers[p.Second].Points);
        return most == 0 ? 0 : (int)Math.Round(100.0 * won / most, MidpointRounding.AwayFromZero);
    }

    public ResultBand? Band(int score) => Results.FirstOrDefault(r => score >= r.From && score <= r.To);

    public static Questionnaire Parse(ContentFile file)
    {
        var intro = new StringBuilder();
        var questions = new List<Question>();
        var results = new List<ResultBand>();
        (string Id, string Text)? question = null;
        (string Id, int From, int To)? band = null;
        var text = new StringBuilder();
        var answers = new List<Answer>();

        void Close()
        {
            if (question is { } q)
            {
                questions.Add(new Question(q.Id, q.Text, text.ToString().Trim(), answers));
            }
            else if (band is { } b)
            {
                results.Add(new ResultBand(b.Id, b.From, b.To, text.ToString().Trim()));
            }
            (question, band, answers) = (null, null, []);
            text.Clear();
        }

        foreach (var line in file.Body.Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                Close();
                var (title, id) = (heading.Groups["title"].Value.Trim(), heading.Groups["id"].Value);
                if (ResultTitle().Match(title) is { Success: true } range)
                {
                    band = (id, int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture));
                }
                else
                {
                    question = (id, title);
                }
            }
            else if (question is not null && AnswerLine().Match(line) is { Success: true } answer)
            {
                answers.Add(new Answer(int.Parse(answer.Groups["points"].Value, CultureInfo.InvariantCulture), answer.Groups["label"].Value.Trim(), answer.Groups["feedback"].Value.Trim()));
            }
            else
            {
                (question is null && band is null ? intro : text).Append(line).Append('\n');
            }
        }
        Close();
        return new Questionnaire(file.Meta.GetValueOrDefault("kind") ?? "assessment", intro.ToString().Trim(), questions, results);
    }

    [GeneratedRegex(@"^##\s+(?<title>.+?)\s*\{#(?<id>[a-z0-9-]+)\}\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:Result|Résultat|Resultado)\s+(\d+)\s*[-–]\s*(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ResultTitle();

    [GeneratedRegex(@"^\s*[-*]\s+\[(?<points>\d+)\]\s+(?<label>[^|]+?)\s*(?:\|\s*(?<feedback>.*))?$")]
    private static partial Regex AnswerLine();
}

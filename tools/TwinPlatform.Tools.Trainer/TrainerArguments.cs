using System.Globalization;

namespace TwinPlatform.Tools.Trainer;

/// <summary>Command-line arguments of the trainer.</summary>
internal sealed record TrainerArguments
{
    public const string Usage = """
        usage: TwinPlatform.Tools.Trainer --data FILE.csv --out DIR [options]

          --data FILE          nims_fatigue.csv (from ../shared/data/materials/)
          --out DIR            model folder to write (model.json, MODEL_CARD.md, <property>.zip)
          --holdout-heat SEL   exclude every row of the heat(s) matching SEL, e.g. "C=0.41,Si=0.24,Mn=0.77,Cr=1.06,Mo=0.2"
          --id ID              model id (default: the name of DIR)
          --folds K            grouped cross-validation folds (default 10; 0 = none)
          --ensemble N         ensemble members per property (default 32)
          --trees N            boosted trees per member (default 100)
          --learning-rate R    boosting learning rate (default 0.1)
          --seed N             seed of bootstrap and members (default 20200601)
          --date YYYY-MM-DD    training date written into the model (default: today, UTC)
        """;

    public required string Data { get; init; }

    public required string Out { get; init; }

    public string? HoldoutHeat { get; init; }

    public string? Id { get; init; }

    public int Folds { get; init; } = 10;

    public int Ensemble { get; init; } = 32;

    public int Seed { get; init; } = 20200601;

    public int Trees { get; init; } = 100;

    public double LearningRate { get; init; } = 0.1;

    public DateTimeOffset Date { get; init; } = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    /// <summary>Parses the arguments; a <see cref="FormatException"/> explains what is wrong.</summary>
    public static TrainerArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i];
            if (!key.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new FormatException($"expected '--option value', found '{key}'");
            }

            values[key] = args[++i];
        }

        string? Get(string key) => values.Remove(key, out var v) ? v : null;
        int Int(string key, int fallback) => Get(key) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{key}: expected a whole number, found '{v}'")
            : fallback;

        var result = new TrainerArguments
        {
            Data = Get("--data") ?? throw new FormatException("--data is required"),
            Out = Get("--out") ?? throw new FormatException("--out is required"),
            HoldoutHeat = Get("--holdout-heat"),
            Id = Get("--id"),
            Folds = Int("--folds", 10),
            Ensemble = Int("--ensemble", 32),
            Seed = Int("--seed", 20200601),
            Trees = Int("--trees", 100),
            LearningRate = Get("--learning-rate") is { } r
                ? double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ? rate : throw new FormatException($"--learning-rate: expected a number, found '{r}'")
                : 0.1,
        };
        if (Get("--date") is { } date)
        {
            result = result with
            {
                Date = DateTimeOffset.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
                    ? new DateTimeOffset(d.UtcDateTime.Date, TimeSpan.Zero)
                    : throw new FormatException($"--date: expected YYYY-MM-DD, found '{date}'"),
            };
        }

        return values.Count == 0 ? result : throw new FormatException($"unknown option {values.Keys.First()}");
    }
}

using System.CommandLine;

namespace TwinPlatform.Cli.Commands;

/// <summary>
/// <c>twin materials ...</c>: import material records, cross-validate property predictors, and
/// design materials (inverse design and next experiments). Exit codes: 0 done, 1 rows skipped with
/// <c>--strict</c>, 2 bad arguments or input file.
/// </summary>
public static class MaterialsCommand
{
    /// <summary>The <c>materials</c> command with its subcommands.</summary>
    public static Command Create() => new("materials", "Material records, property prediction with honest uncertainty, inverse design")
    {
        MaterialsImportCommand.Create(),
        MaterialsRecordsCommand.Create(),
        MaterialsCvCommand.Create(),
        MaterialsDesignCommand.Create(),
    };
}

using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Skills;

namespace ActionAgent.Cli.Commands.Skills;

/// <summary><c>actionagent skills add recordings/&lt;run&gt; --name X</c>: a new skill file from a successful run, to edit and keep.</summary>
public static class SkillAddCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording folder (recordings/<run>) of a run or flow that completed" };
        var name = new Option<string>("--name", "-n") { Description = "The skill's name (its file is named after it)", Required = true };
        var output = new Option<string?>("--out") { Description = $"Folder to write the skill file into (default: {SkillRouting.DefaultFolder}/skills)" };
        var command = new Command("add", "Turn a successful recording into a skill file, proposing parameters for the values typed from the task") { recording, name, output };
        command.SetAction(result => Add(result.GetValue(recording)!, result.GetValue(name)!, result.GetValue(output) ?? Path.Combine(SkillRouting.DefaultFolder, "skills"), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Writes the skill and prints its path; exit 2 for a recording that is missing, failed, or a name already taken.</summary>
    public static int Add(string recordingDir, string name, string folder, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.WriteLine("error: --name is empty; give the skill a name, e.g. --name \"Refund an order\"");
            return ExitCodes.BadInput;
        }

        string text;
        try
        {
            text = SkillFromRecording.Write(RunRecording.Load(recordingDir), name);
        }
        catch (InvalidDataException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        var path = Path.Combine(folder, SkillFromRecording.FileName(name));
        if (File.Exists(path))
        {
            errors.WriteLine($"error: {path} already exists; choose another --name or remove the file");
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
        try
        {
            // What was written must load: a problem here is reported with its location, and the file is kept to edit.
            var skill = FlowLoader.Load(path, SkillsCommand.ListVariables);
            output.WriteLine(path);
            output.WriteLine($"parameters proposed: {(skill.Parameters.Count == 0 ? "none (no typed value came from the task)" : string.Join(", ", skill.Parameters.Select(p => p.Summary())))}");
            return ExitCodes.Success;
        }
        catch (FlowFormatException e)
        {
            output.WriteLine(path);
            errors.WriteLine($"error: the skill was written but does not load: {e.Message}; edit it");
            return ExitCodes.BadInput;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Json;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// What the project's MSBuild settings ask of the generator: the visibility of every generated type
    /// (<c>EmrCodegenVisibility</c>) and the actions to generate (<c>EmrAction</c> items; none means all).
    /// </summary>
    internal sealed record GeneratorSettings(string Visibility, string? InvalidVisibility, EquatableArray<string> Actions)
    {
        public static readonly GeneratorSettings Default = new GeneratorSettings("public", null, EquatableArray<string>.Empty);

        public static GeneratorSettings From(AnalyzerConfigOptions options)
        {
            string visibility = "public";
            string? invalid = null;
            if (options.TryGetValue(EmrGenerator.VisibilityProperty, out string? value) && value.Trim().Length > 0)
            {
                string trimmed = value.Trim();
                if (string.Equals(trimmed, "internal", StringComparison.OrdinalIgnoreCase))
                {
                    visibility = "internal";
                }
                else if (!string.Equals(trimmed, "public", StringComparison.OrdinalIgnoreCase))
                {
                    invalid = trimmed;
                }
            }

            var actions = new List<string>();
            if (options.TryGetValue(EmrGenerator.ActionsProperty, out string? names))
            {
                foreach (string name in names.Split(',', ';'))
                {
                    string trimmed = name.Trim();
                    if (trimmed.Length > 0 && !actions.Contains(trimmed))
                    {
                        actions.Add(trimmed);
                    }
                }
            }

            return new GeneratorSettings(visibility, invalid, actions.ToEquatableArray());
        }

        /// <summary>
        /// The part of the spec the named actions use: their request and response types, the objects and enumerations
        /// those reach, their error codes and metadata. Without named actions, the whole spec.
        /// </summary>
        public SpecModel Select(SpecModel spec)
        {
            if (Actions.Count == 0)
            {
                return spec;
            }

            var actions = spec.Actions.Where(a => Actions.Contains(a.Name)).ToList();
            var objects = new HashSet<string>();
            var enums = new HashSet<string>();
            var pending = new Stack<string>(actions.SelectMany(a => new[] { a.Input, a.Output }));
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                ObjectModel? item = spec.FindObject(name);
                if (item is null || !objects.Add(name))
                {
                    continue;
                }

                foreach (MemberModel member in item.Members)
                {
                    if (member.Enum != null)
                    {
                        enums.Add(member.Enum);
                    }

                    if (member.ObjectName != null)
                    {
                        pending.Push(member.ObjectName);
                    }
                }
            }

            var codes = new HashSet<string>(actions.SelectMany(a => a.ErrorCodes));
            return spec with
            {
                Actions = actions.ToEquatableArray(),
                Objects = spec.Objects.Where(o => objects.Contains(o.Name)).ToEquatableArray(),
                Enums = spec.Enums.Where(e => enums.Contains(e.Name)).ToEquatableArray(),
                ErrorCodes = spec.ErrorCodes.Where(c => codes.Contains(c.Code)).ToEquatableArray(),
                Waiters = spec.Waiters.Where(w => Actions.Contains(w.Action)).ToEquatableArray(),
                Paginators = spec.Paginators.Where(p => Actions.Contains(p.Action)).ToEquatableArray(),
            };
        }

        /// <summary>
        /// Settings the spec cannot satisfy: an action the spec does not define, located at the <c>actions</c> of the spec
        /// file that defines them (the item is in a project file, which the compiler does not see); an unknown visibility.
        /// </summary>
        public IEnumerable<SpecDiagnostic> Check(IReadOnlyList<SpecSource> files, SpecModel? spec)
        {
            if (InvalidVisibility != null)
            {
                yield return new SpecDiagnostic(SettingsDiagnosticIds.InvalidVisibility, "EmrCodegenVisibility is '" + InvalidVisibility + "'; it must be 'public' or 'internal' (the generated types stay public)", string.Empty, 0, 0, 0);
            }

            if (spec is null || Actions.Count == 0)
            {
                yield break;
            }

            var unknown = Actions.Where(name => !spec.Actions.Any(a => a.Name == name)).ToList();
            if (unknown.Count == 0)
            {
                yield break;
            }

            (string path, TextPosition position) = ActionsLocation(files);
            string known = string.Join(", ", spec.Actions.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal).Take(10)) + (spec.Actions.Count > 10 ? ", ..." : string.Empty);
            foreach (string name in unknown)
            {
                yield return new SpecDiagnostic(SettingsDiagnosticIds.UnknownAction, "The EmrAction item names '" + name + "', which the spec does not define (its actions: " + known + ")", path, position.Offset, position.Line, position.Column);
            }
        }

        private static (string Path, TextPosition Position) ActionsLocation(IReadOnlyList<SpecSource> files)
        {
            foreach (SpecSource file in files)
            {
                try
                {
                    if (JsonReader.Parse(file.Text)["actions"] is JsonNode actions)
                    {
                        return (file.Path, actions.Position);
                    }
                }
                catch (JsonParseException)
                {
                    // The spec reader reports the file; look in the next one.
                }
            }

            return (files.Count > 0 ? files[0].Path : string.Empty, default);
        }
    }

    /// <summary>Ids of problems in the project's generator settings.</summary>
    internal static class SettingsDiagnosticIds
    {
        public const string UnknownAction = "EMR2002";
        public const string InvalidVisibility = "EMR2003";
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.CodeFixes;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Runs the analyzers over a project, collects every fix the code fixes offer for every diagnostic, applies each
    /// one on its own and each equivalence key as Fix All over the solution, and compiles every result.
    /// </summary>
    public static class CodeFixHarness
    {
        /// <summary>The diagnostic property that says which kind of fix the spec allows (set, add, enum).</summary>
        public const string FixKindProperty = "EmrFix";

        /// <summary>One fix offered for one diagnostic (or, for Fix All, for all of its key), and what applying it gave.</summary>
        public sealed record AppliedFix(Diagnostic Diagnostic, string DiagnosticId, string Kind, string Title, string? EquivalenceKey, bool FixAll, string Inserted, string FixedText, IReadOnlyList<Diagnostic> Errors);

        public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<AppliedFix> Fixes)
        {
            public IEnumerable<AppliedFix> Failures => Fixes.Where(f => f.Errors.Count > 0 || f.Inserted.Length == 0);

            /// <summary>Every failure, with the code it gave and the compiler's errors.</summary>
            public string Describe() => string.Join(
                Environment.NewLine + Environment.NewLine,
                Failures.Select(f => (f.FixAll ? "Fix All " : string.Empty) + f.DiagnosticId + " \"" + f.Title + "\" inserted: " + f.Inserted + Environment.NewLine
                    + (f.Inserted.Length == 0 ? "  the fix changed nothing" : string.Join(Environment.NewLine, f.Errors.Select(e => "  " + e)))));

            /// <summary>The fixes as a table: diagnostic, kind, title and what each inserted.</summary>
            public string Listing() => string.Join(
                Environment.NewLine,
                Fixes.Select(f => (f.FixAll ? "[Fix All] " : string.Empty) + f.DiagnosticId + " " + f.Kind + " | " + f.Title + " | " + f.Errors.Count + " errors | " + f.Inserted.Replace(Environment.NewLine, " ").Replace("\n", " ")));
        }

        /// <summary>The generated code of a spec, compiled once into a library the project references.</summary>
        public static MetadataReference Library(IReadOnlyList<(string Name, string Text)> generated, string assemblyName)
        {
            var compilation = GeneratorHarness.CreateCompilation(generated.Select(g => g.Text), assemblyName);
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>
        /// Runs the whole cycle over <paramref name="sources"/>, with the generated code as sources (as the generator gives
        /// it) or as a referenced <paramref name="library"/> (as a project that references a library of the types).
        /// </summary>
        public static async Task<Result> RunAsync(
            IReadOnlyList<(string Name, string Text)> sources,
            IReadOnlyList<(string Name, string Text)>? generated = null,
            MetadataReference? library = null,
            LanguageVersion languageVersion = LanguageVersion.Latest,
            DiagnosticAnalyzer? analyzer = null,
            OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            using var workspace = new AdhocWorkspace();
            ProjectId projectId = ProjectId.CreateNewId();
            var references = TestReferences.All.Cast<MetadataReference>().ToList();
            if (library != null)
            {
                references.Add(library);
            }

            Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(languageVersion),
                metadataReferences: references));
            var userDocuments = new List<DocumentId>();
            foreach (var (name, text) in sources)
            {
                DocumentId id = DocumentId.CreateNewId(projectId, name);
                solution = solution.AddDocument(id, name, SourceText.From(text), filePath: "/src/" + name);
                userDocuments.Add(id);
            }

            foreach (var (name, text) in generated ?? Array.Empty<(string, string)>())
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), Path.GetFileName(name), SourceText.From(text), filePath: name);
            }

            Project project = solution.GetProject(projectId)!;
            Compilation compilation = (await project.GetCompilationAsync())!;
            Diagnostic[] before = Errors(compilation);
            Assert.True(before.Length == 0, "The code compiles before any fix:" + Environment.NewLine + string.Join(Environment.NewLine, before.Select(e => e.ToString())));

            var userTrees = new HashSet<SyntaxTree>();
            foreach (DocumentId id in userDocuments)
            {
                userTrees.Add((await solution.GetDocument(id)!.GetSyntaxTreeAsync())!);
            }

            ImmutableArray<Diagnostic> diagnostics = (await compilation
                    .WithAnalyzers(ImmutableArray.Create(analyzer ?? new RequestAnalyzer()))
                    .GetAnalyzerDiagnosticsAsync())
                .Where(d => d.Location.SourceTree != null && userTrees.Contains(d.Location.SourceTree))
                .ToImmutableArray();

            var provider = new SpecValueCodeFixProvider();
            var applied = new List<AppliedFix>();
            var offered = new List<(Diagnostic Diagnostic, CodeAction Action)>();
            foreach (Diagnostic diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                Document document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (CodeAction action in actions)
                {
                    offered.Add((diagnostic, action));
                    applied.Add(await ApplyAsync(solution, projectId, document.Id, diagnostic, action, fixAll: false));
                }
            }

            var diagnosticProvider = new KnownDiagnostics(diagnostics);
            foreach (var group in offered.GroupBy(o => o.Action.EquivalenceKey))
            {
                (Diagnostic first, CodeAction _) = group.First();
                Document document = solution.GetDocument(first.Location.SourceTree)!;
                var context = new FixAllContext(document, provider, FixAllScope.Solution, group.Key, provider.FixableDiagnosticIds, diagnosticProvider, CancellationToken.None);
                CodeAction? fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(fixAll != null, "Fix All offers nothing for " + group.Key);
                applied.Add(await ApplyAsync(solution, projectId, document.Id, first, fixAll!, fixAll: true));
            }

            return new Result(diagnostics, applied);
        }

        private static async Task<AppliedFix> ApplyAsync(Solution solution, ProjectId projectId, DocumentId documentId, Diagnostic diagnostic, CodeAction action, bool fixAll)
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;

            var inserted = new List<string>();
            foreach (DocumentId id in changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
            {
                string before = (await solution.GetDocument(id)!.GetTextAsync()).ToString();
                string after = (await changed.GetDocument(id)!.GetTextAsync()).ToString();
                if (before != after)
                {
                    inserted.Add(ChangedLines(before, after));
                }
            }

            Compilation compilation = (await changed.GetProject(projectId)!.GetCompilationAsync())!;
            string fixedText = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
            string kind = diagnostic.Properties.TryGetValue(FixKindProperty, out string? value) ? value! : "?";
            return new AppliedFix(diagnostic, diagnostic.Id, kind, action.Title, action.EquivalenceKey, fixAll, string.Join(" / ", inserted.Where(i => i.Length > 0)), fixedText, Errors(compilation));
        }

        /// <summary>
        /// The lines of <paramref name="after"/> from the first to the last that differ from <paramref name="before"/>,
        /// whitespace as one space, so that what a fix put in reads the same however it was laid out.
        /// </summary>
        private static string ChangedLines(string before, string after)
        {
            string[] old = before.Split('\n');
            string[] updated = after.Split('\n');
            int prefix = 0;
            while (prefix < old.Length && prefix < updated.Length && old[prefix] == updated[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < old.Length - prefix && suffix < updated.Length - prefix && old[old.Length - 1 - suffix] == updated[updated.Length - 1 - suffix])
            {
                suffix++;
            }

            string changed = string.Join(" ", updated.Skip(prefix).Take(updated.Length - prefix - suffix));
            return System.Text.RegularExpressions.Regex.Replace(changed, @"\s+", " ").Trim();
        }

        private static Diagnostic[] Errors(Compilation compilation) => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

        /// <summary>The analyzers' diagnostics, as Fix All asks for them document by document.</summary>
        private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}

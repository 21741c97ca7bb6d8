using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// What one generated file needs, and nothing more: a change to one object of the spec changes
    /// only that object's model, so only its file is generated again.
    /// </summary>
    internal abstract record FileModel(string Namespace, string Visibility)
    {
        public abstract string HintName { get; }

        /// <summary>Splits the part of a spec the settings select into the models of its generated files.</summary>
        public static IEnumerable<FileModel> Plan(SpecModel? fullSpec, GeneratorSettings settings)
        {
            if (fullSpec is null)
            {
                yield break;
            }

            SpecModel spec = settings.Select(fullSpec);
            string ns = spec.Namespace;
            string visibility = settings.Visibility;
            var enumsByName = spec.Enums.ToDictionary(e => e.Name);
            yield return new ErrorCodesFileModel(ns, visibility, spec.ErrorCodes);
            yield return new MetadataFileModel(ns, visibility, spec.ServiceShortName, spec.ApiVersion, spec.Endpoints, spec.Actions);
            yield return new JsonResolverFileModel(ns, visibility, spec.Objects.Select(o => o.Name).Concat(spec.Enums.Select(e => e.Name)).ToEquatableArray());
            foreach (FileModel client in ClientFileModel.PlanClient(spec, visibility))
            {
                yield return client;
            }

            foreach (EnumModel item in spec.Enums)
            {
                yield return new EnumFileModel(ns, visibility, item);
            }

            foreach (ObjectModel item in spec.Objects)
            {
                var enumKinds = item.Members
                    .Where(m => m.Enum != null && enumsByName.ContainsKey(m.Enum))
                    .Select(m => enumsByName[m.Enum!])
                    .Distinct()
                    .ToEquatableArray();
                yield return new ObjectFileModel(ns, visibility, item, enumKinds, SpecWriter.WriteAnalysisFragment(fullSpec, item));
            }
        }
    }

    internal sealed record ErrorCodesFileModel(string Namespace, string Visibility, EquatableArray<ErrorCodeModel> ErrorCodes) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiErrorCode.g.cs";
    }

    internal sealed record MetadataFileModel(string Namespace, string Visibility, string ServiceShortName, string ApiVersion, EndpointModel Endpoints, EquatableArray<ActionModel> Actions) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiMetadata.g.cs";
    }

    internal sealed record JsonResolverFileModel(string Namespace, string Visibility, EquatableArray<string> TypeNames) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + ".ApiJsonResolver.g.cs";
    }

    internal sealed record EnumFileModel(string Namespace, string Visibility, EnumModel Enum) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + Enum.Name + ".g.cs";
    }

    internal sealed record ObjectFileModel(string Namespace, string Visibility, ObjectModel Object, EquatableArray<EnumModel> Enums, string AnalysisFragment) : FileModel(Namespace, Visibility)
    {
        public override string HintName => Namespace + "." + Object.Name + ".g.cs";
    }
}

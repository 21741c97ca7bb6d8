var cluster = new Emr.V20190103.Placement { Zone = "ap-guangzhou-3" };
var instances = new Cvm.V20170312.DescribeInstancesRequest { Limit = 20 };
Console.WriteLine(cluster.ToJson());
Console.WriteLine(instances.ToJson());
Console.WriteLine(Emr.V20190103.ApiMetadata.Service + " " + Cvm.V20170312.ApiMetadata.Service);

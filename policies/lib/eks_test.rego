package palisade.lib.eks_test

import data.palisade.lib.eks

res(type) := {"address": concat(".", [type, "x"]), "type": type, "name": "x", "config": {}, "references": []}

test_kubernetes_helm_kubectl_and_k8s_resources_count if {
	eks.manages_kubernetes_objects with input as {"resources": [res("kubernetes_config_map")]}
	eks.manages_kubernetes_objects with input as {"resources": [res("helm_release")]}
	eks.manages_kubernetes_objects with input as {"resources": [res("kubectl_manifest")]}
	eks.manages_kubernetes_objects with input as {"resources": [res("k8s_manifest")]}
}

test_aws_resources_do_not_count if {
	not eks.manages_kubernetes_objects with input as {"resources": [res("aws_eks_cluster"), res("aws_eks_node_group")]}
}

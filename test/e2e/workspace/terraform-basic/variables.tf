variable "environment" {
  type        = string
  description = "Deployment environment name."
  default     = "dev"
}

variable "admin_cidrs" {
  type        = list(string)
  description = "Networks allowed to reach SSH."
  default     = ["10.0.0.0/8"]
}

variable "vpc_id" {
  type        = string
  description = "VPC for the security group (no default: unknown until supplied)."
}

// HTTP for the product catalogue: reading for everyone with products.read, changes for products.manage.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { localizeWarnings } from "../../platform/warnings.ts";
import { getProduct, listProducts, productHistory } from "./product-view.ts";
import {
  asOfQuery,
  createProductBody,
  listProductsQuery,
  productParams,
  statusChangeBody,
  updateProductBody,
} from "./products.contracts.ts";
import { changeProductStatus, createProduct, updateProduct } from "./products.service.ts";

const tags = ["products"];

export function registerProductRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/products",
    {
      schema: {
        tags,
        summary: "Products with the version in force today (or asOf)",
        querystring: listProductsQuery,
      },
      config: { permission: "products.read" },
    },
    (request) => listProducts(db, contextOf(request), request.query),
  );
  r.get(
    "/products/:id",
    {
      schema: {
        tags,
        summary: "A product's version in force today (or asOf), with its APR",
        params: productParams,
        querystring: asOfQuery,
      },
      config: { permission: "products.read" },
    },
    (request) => getProduct(db, contextOf(request), request.params.id, request.query.asOf),
  );
  r.get(
    "/products/:id/versions",
    {
      schema: { tags, summary: "Every version of a product", params: productParams },
      config: { permission: "products.read" },
    },
    (request) => productHistory(db, contextOf(request), request.params.id),
  );
  r.post(
    "/products",
    {
      schema: {
        tags,
        summary: "Create a product (active unless status draft); APR above the cap → 409",
        body: createProductBody,
      },
      config: { permission: "products.manage" },
    },
    async (request, reply) => {
      const { product, warnings } = await createProduct(db, contextOf(request), request.body);
      return reply.code(201).send({ ...product, warnings: localizeWarnings(warnings, request.locale) });
    },
  );
  r.patch(
    "/products/:id",
    {
      schema: {
        tags,
        summary: "Change terms: writes a new version effective from effectiveFrom (default today)",
        params: productParams,
        body: updateProductBody,
      },
      config: { permission: "products.manage" },
    },
    async (request) => {
      const { product, warnings } = await updateProduct(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return { ...product, warnings: localizeWarnings(warnings, request.locale) };
    },
  );
  r.post(
    "/products/:id/activate",
    {
      schema: {
        tags,
        summary: "Put a draft product on offer",
        params: productParams,
        body: statusChangeBody,
      },
      config: { permission: "products.manage" },
    },
    (request) =>
      changeProductStatus(db, contextOf(request), { id: request.params.id, to: "active", ...request.body }),
  );
  r.post(
    "/products/:id/retire",
    {
      schema: {
        tags,
        summary: "Withdraw a product from offer",
        params: productParams,
        body: statusChangeBody,
      },
      config: { permission: "products.manage" },
    },
    (request) =>
      changeProductStatus(db, contextOf(request), { id: request.params.id, to: "retired", ...request.body }),
  );
}

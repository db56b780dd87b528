import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import type { GraphStore } from '@verkosto/graph';
import { GRAPH_STORE } from '../common/store.module';
import { Municipality, OperatingModel, Region, Term } from './reference.model';

@Resolver()
export class ReferenceResolver {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Query(() => [Municipality], { description: "Finland's municipalities." })
  municipalities() {
    return this.store.municipalities();
  }

  @Query(() => [Region], { description: "Finland's regions." })
  regions() {
    return this.store.regions();
  }

  @Query(() => [Term])
  methods() {
    return this.store.methods();
  }

  @Query(() => [Term])
  targetGroups() {
    return this.store.targetGroups();
  }

  @Query(() => [OperatingModel])
  operatingModels() {
    return this.store.operatingModels();
  }
}

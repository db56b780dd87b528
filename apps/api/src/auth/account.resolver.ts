import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { normaliseEmail, notFound, type AccessRole } from '@verkosto/domain';
import type { AccountStore, GraphStore } from '@verkosto/graph';
import type { Request } from 'express';
import { ACCOUNT_STORE, GRAPH_STORE } from '../common/store.module';
import { Network } from '../networks/network.model';
import type { RequestAccess } from './access';
import { AccessRoleEnum, ApiToken, CreateUserInput, LoginPayload, Membership, NetworkMember, NewApiToken, UpdateUserInput, User } from './account.model';
import { AuthService } from './auth.service';
import { CurrentAccess, CurrentRequest } from './current-access';
import { SetupCode } from './setup-code';

@Resolver(() => User)
export class AccountResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly setup: SetupCode,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  @Query(() => User, { nullable: true, description: 'The signed-in account, or null.' })
  me(@CurrentAccess() access: RequestAccess) {
    return access.user ? this.accounts.getUser(access.user.id) : null;
  }

  @Query(() => Boolean, { description: 'True while Verkosto has no accounts: the web app then asks for the first administrator.' })
  needsFirstAdmin() {
    return this.auth.needsFirstAdmin();
  }

  @Query(() => Boolean, {
    description: 'True while Verkosto has no accounts and this caller is on another machine: creating the first administrator then needs the set-up code of the server’s log.',
  })
  setupCodeRequired(@CurrentRequest() req: Request) {
    return this.setup.required(req);
  }

  @Query(() => [ApiToken], { description: 'Your tokens for scripts.' })
  myTokens(@CurrentAccess() access: RequestAccess) {
    return this.accounts.listTokens(access.requireSignedIn().id, 'API');
  }

  @Query(() => [User], { description: 'Every account (administrators).' })
  users() {
    return this.accounts.listUsers();
  }

  @Query(() => [NetworkMember], { description: 'Who has which role in a network (its coordinators).' })
  networkMembers(@Args('networkId', { type: () => ID }) networkId: string) {
    return this.accounts.networkMembers(networkId);
  }

  @Mutation(() => LoginPayload, {
    description: 'Signs in. The browser gets an httpOnly session cookie and a CSRF token; with tokenName, a bearer token for scripts is returned instead.',
  })
  login(
    @CurrentRequest() req: Request,
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('tokenName', { type: () => String, nullable: true }) tokenName?: string | null,
  ) {
    return this.auth.login(req, email, password, tokenName);
  }

  @Mutation(() => Boolean, { description: 'Ends this browser session.' })
  logout(@CurrentRequest() req: Request) {
    return this.auth.logout(req);
  }

  @Mutation(() => LoginPayload, {
    description: 'Creates the first administrator and signs in; works only while Verkosto has no accounts, and from another machine only with the set-up code of the server’s log.',
  })
  createFirstAdmin(
    @CurrentRequest() req: Request,
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
    @Args('setupCode', { type: () => String, nullable: true }) setupCode?: string | null,
  ) {
    return this.auth.createFirstAdmin(req, { email, password, name, setupCode });
  }

  @Mutation(() => Boolean, { description: 'Changes your password and ends your other sessions.' })
  changePassword(
    @CurrentRequest() req: Request,
    @CurrentAccess() access: RequestAccess,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ) {
    const user = access.requireSignedIn();
    return this.auth.changePassword(req, user.id, user.tokenId, currentPassword, newPassword);
  }

  @Mutation(() => NewApiToken, { description: 'A token for scripts; leave out expiresInDays for one that lasts until revoked.' })
  createToken(@CurrentAccess() access: RequestAccess, @Args('name') name: string, @Args('expiresInDays', { type: () => Int, nullable: true }) expiresInDays?: number | null) {
    return this.auth.createToken(access.requireSignedIn().id, name, expiresInDays ?? null);
  }

  @Mutation(() => Boolean, { description: 'Revokes one of your tokens; false when you have no such token.' })
  revokeToken(@CurrentAccess() access: RequestAccess, @Args('id', { type: () => ID }) id: string) {
    return this.accounts.revokeToken(access.requireSignedIn().id, id);
  }

  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput) {
    return this.auth.createUser(input);
  }

  @Mutation(() => User)
  updateUser(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput) {
    return this.auth.updateUser(id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes an account and its tokens; the last administrator stays.' })
  async deleteUser(@Args('id', { type: () => ID }) id: string) {
    await this.accounts.deleteUser(id);
    return true;
  }

  @Mutation(() => Membership, { description: 'Gives an existing account a role in the network, replacing any role it had there.' })
  async setMembership(@Args('networkId', { type: () => ID }) networkId: string, @Args('email') email: string, @Args('role', { type: () => AccessRoleEnum }) role: AccessRole) {
    const login = await this.accounts.findLogin(normaliseEmail(email));
    if (!login) throw notFound('Account with the email', email);
    return this.accounts.setMembership(networkId, login.user.id, role);
  }

  @Mutation(() => Boolean, { description: 'Takes away an account’s role in the network; false when it had none.' })
  removeMembership(@Args('networkId', { type: () => ID }) networkId: string, @Args('userId', { type: () => ID }) userId: string) {
    return this.accounts.removeMembership(networkId, userId);
  }

  /** Your own roles; someone else's only to administrators, or in the networks you coordinate. */
  @ResolveField(() => [Membership])
  async memberships(@Parent() user: User, @CurrentAccess() access: RequestAccess) {
    const all = await this.accounts.memberships(user.id);
    if (access.user?.isAdmin || access.user?.id === user.id) return all;
    return all.filter((m) => access.roleIn(m.networkId) === 'COORDINATOR');
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  constructor(@Inject(GRAPH_STORE) private readonly graph: GraphStore) {}

  @ResolveField(() => Network, { nullable: true })
  network(@Parent() membership: Membership) {
    return this.graph.getNetwork(membership.networkId);
  }
}
